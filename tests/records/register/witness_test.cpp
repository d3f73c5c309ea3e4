#include "massho/records/register/witness.h"

#include <gtest/gtest.h>

#include "massho/records/register/errors.h"
#include "massho/records/register/note.h"
#include "massho/records/register/verify.h"
#include "verify_fixture.h"

using namespace massho::records;
using namespace massho::records::test;
using massho::testsupport::TempDir;
namespace fs = std::filesystem;

namespace {

class WitnessTest : public ::testing::Test {
  protected:
    WitnessTest()
        : store(Store::create(tmp / "data", kOrigin, "admin", "", kAdminPassword)),
          witness(Witness::create(tmp / "witness", "witness.example.org")) {
        appendErasures(store, 3);
    }

    std::string cosignLatest() {
        uint64_t old = witness.lastSize(kOrigin).value_or(0);
        return witness.addCheckpoint(store.signedRegister().witnessRequest(old), store.vkey(),
                                     1764094800);
    }

    uint64_t latestSize() { return store.signedRegister().size(); }

    TempDir tmp;
    Store store;
    Witness witness;
};

}  // namespace

TEST_F(WitnessTest, CosignsConsistentCheckpointsAndTheRegisterStoresThem) {
    std::string line = cosignLatest();
    EXPECT_EQ(witness.lastSize(kOrigin), 5u);
    SignedNote note = parseNote(store.signedRegister().checkpoint(5) + line);
    EXPECT_EQ(verifyCosignature(note, VerifierKey::parse(witness.vkey())), 1764094800u);
    store.recordCosignature(5, witness.vkey(), line);  // appends a witness-cosigned entry (6)
    appendErasures(store, 2, 10);
    store.recordCosignature(latestSize(), witness.vkey(), cosignLatest());
    EXPECT_EQ(witness.lastSize(kOrigin), 8u);

    VerifyOptions options;
    options.trustedVkeys = {store.vkey()};
    options.witnessVkeys = {witness.vkey()};
    options.requiredWitnesses = 1;
    VerifyReport r = verifyRegister(tmp / "data", options);
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.cosignatures, 2u);
    EXPECT_EQ(r.witnesses, 1u);
    // Cosigned at 8; recording that cosignature appended entry 8, which no witness has seen.
    EXPECT_EQ(r.witnessedSize, 8u);
    EXPECT_NE(r.text().find("witnessed: the first 8 of 9 entries"), std::string::npos) << r.text();
    EXPECT_NE(r.text().find("not witnessed yet"), std::string::npos);
    options.requiredWitnesses = 2;
    EXPECT_FALSE(verifyRegister(tmp / "data", options).ok);
    // Reopening the witness keeps its key and memory.
    std::string vkey = witness.vkey();
    Witness again = Witness::open(tmp / "witness");
    EXPECT_EQ(again.vkey(), vkey);
    EXPECT_EQ(again.lastSize(kOrigin), 8u);
}

TEST_F(WitnessTest, RefusesABadCosignatureForTheRegister) {
    std::string line = cosignLatest();
    line[line.size() - 5] = line[line.size() - 5] == 'A' ? 'B' : 'A';
    EXPECT_THROW(store.recordCosignature(5, witness.vkey(), line), RecordsError);
}

TEST_F(WitnessTest, RefusesAWrongOldSize) {
    cosignLatest();
    EXPECT_THROW(witness.addCheckpoint(store.signedRegister().witnessRequest(0), store.vkey(), 1),
                 WitnessRefusal);
}

TEST_F(WitnessTest, RefusesARollbackOrAForkSignedWithTheStolenKey) {
    cosignLatest();  // witness saw size 5
    fs::copy(tmp / "data", tmp / "old");
    appendErasures(store, 2, 10);
    cosignLatest();  // witness saw size 7
    // Rolled back to the old copy (size 5): the witness already saw a larger tree.
    Store old = Store::open(tmp / "old");
    ASSERT_EQ(old.signedRegister().size(), 5u);
    auto refusal = [&](const std::string& request) -> std::string {
        try {
            witness.addCheckpoint(request, old.vkey(), 2);
        } catch (const WitnessRefusal& e) {
            return e.what();
        }
        ADD_FAILURE() << "cosigned a rollback";
        return {};
    };
    // The old copy can only prove itself from scratch: the witness wants a proof from 7.
    EXPECT_EQ(refusal(old.signedRegister().witnessRequest(0)),
              "witness last saw " + std::string(kOrigin) +
                  " at size 7, not 0: send a proof from that size");
    // Claiming to extend size 7 with the older, smaller checkpoint.
    EXPECT_EQ(refusal("old 7\n\n" + old.signedRegister().checkpoint()),
              "checkpoint size 5 is smaller than the 7 the witness already cosigned: the log was "
              "truncated or rolled back");
    EXPECT_EQ(witness.lastSize(kOrigin), 7u);
    // A fork: the old copy grows differently to size 9, signed with the stolen key.
    appendErasures(old, 4, 200);
    try {
        witness.addCheckpoint(old.signedRegister().witnessRequest(7), old.vkey(), 3);
        FAIL() << "cosigned a fork";
    } catch (const WitnessRefusal& e) {
        EXPECT_NE(std::string(e.what()).find("not consistent"), std::string::npos) << e.what();
    }
}

TEST_F(WitnessTest, RefusesACheckpointNotSignedByTheLog) {
    std::string other = SigningKey::generate(kOrigin).vkey();
    EXPECT_THROW(witness.addCheckpoint(store.signedRegister().witnessRequest(0), other, 1),
                 WitnessRefusal);
    EXPECT_FALSE(witness.lastSize(kOrigin).has_value());
}

TEST_F(WitnessTest, StoreCosignWithRunsTheWholeRound) {
    store.cosignWith(witness, 1764094800);
    appendErasures(store, 2, 40);
    store.cosignWith(witness, 1764094900);
    EXPECT_EQ(witness.lastSize(kOrigin), 8u);  // 5, +1 witness-cosigned, +2
    VerifyOptions options;
    options.trustedVkeys = {readFile((tmp / "data" / "register.vkey").string())};  // whole file
    options.witnessVkeys = {witness.vkey()};
    options.requiredWitnesses = 1;
    EXPECT_TRUE(verifyRegister(tmp / "data", options).ok);
}

TEST_F(WitnessTest, KWitnessesVouchForWhatTheKthOfThemSaw) {
    Witness second = Witness::create(tmp / "witness2", "second.example.org");
    store.cosignWith(witness, 1764094800);  // the first witness sees size 5 (entry 5 records it)
    appendErasures(store, 3, 50);
    store.cosignWith(second, 1764094900);  // the second sees size 9
    VerifyOptions options;
    options.trustedVkeys = {store.vkey()};
    options.witnessVkeys = {witness.vkey(), second.vkey()};
    options.requiredWitnesses = 1;
    VerifyReport one = verifyRegister(tmp / "data", options);
    ASSERT_TRUE(one.ok) << one.text();
    EXPECT_EQ(one.witnessedSize, 9u);
    options.requiredWitnesses = 2;
    VerifyReport both = verifyRegister(tmp / "data", options);
    ASSERT_TRUE(both.ok) << both.text();
    EXPECT_EQ(both.witnesses, 2u);
    EXPECT_EQ(both.witnessedSize, 5u) << "both witnesses have seen only the first 5 entries";
    EXPECT_NE(both.text().find("the first 5 of 10 entries by 2 or more"), std::string::npos)
        << both.text();
}

// Key rotation: the witness follows the log to its new key only through the log's own
// rotation entry, signed by the old key, and never on a bare claim.
TEST_F(WitnessTest, FollowsAKeyRotationOnlyThroughTheLogsOwnEntry) {
    store.cosignWith(witness, 1764094800);  // sees 5 under the first key
    const std::string firstVkey = store.vkey();
    appendErasures(store, 2, 60);
    const std::string secondVkey = store.rotateKey("admin");
    const uint64_t rotation = store.signedRegister().size() - 1;
    appendErasures(store, 2, 70);

    // Asked straight for the new key's checkpoint, the witness refuses.
    EXPECT_THROW(witness.addCheckpoint(store.signedRegister().witnessRequest(5), secondVkey, 1),
                 WitnessRefusal);
    // Evidence before it has seen the old key's last checkpoint is refused too.
    EXPECT_THROW(witness.followKeyRotation(store.signedRegister().keyRotationEvidence(rotation)),
                 WitnessRefusal);
    // Forged evidence: the entry changed to name another key.
    std::string forged = store.signedRegister().keyRotationEvidence(rotation);
    const std::string attacker = SigningKey::generate(kOrigin).vkey();
    forged.replace(forged.find(secondVkey), secondVkey.size(), attacker);
    witness.addCheckpoint(store.signedRegister().witnessRequest(5, rotation + 1), firstVkey, 2);
    EXPECT_THROW(witness.followKeyRotation(forged), WitnessRefusal);
    EXPECT_EQ(witness.logVkey(kOrigin), firstVkey);

    // The whole round walks the witness through the rotation and cosigns under the new key.
    store.cosignWith(witness, 1764095000);
    EXPECT_EQ(witness.logVkey(kOrigin), secondVkey);
    EXPECT_EQ(witness.lastSize(kOrigin), store.signedRegister().size() - 1);
    VerifyOptions options;
    options.trustedVkeys = {firstVkey};
    options.witnessVkeys = {witness.vkey()};
    options.requiredWitnesses = 1;
    VerifyReport r = verifyRegister(tmp / "data", options);
    ASSERT_TRUE(r.ok) << r.text();
    // A second round needs no rotation any more.
    appendErasures(store, 1, 80);
    store.cosignWith(witness, 1764095100);
    EXPECT_EQ(witness.lastSize(kOrigin), store.signedRegister().size() - 1);
}
