// The media ledger (Art. 8): life-cycle rules, witnessed destruction, the My Number rule, lease
// return, and that the ledger is a fold of the signed register (rebuildable, tamper-visible).
#include "massho/records/ledger/media_ledger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "massho/records/ledger/media_list_text.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

using namespace std::chrono_literals;

namespace massho::records::test {
namespace {

class MediaLedgerTest : public ::testing::Test {
  protected:
    MediaLedgerTest() : db(dir / "massho.db", Database::Mode::Create), log(db) {
        log.setSigner("test.example/media", [this]() -> const SigningKey& { return key; });
        ledger.emplace(db, log, [this] { return now; });
    }

    NewMedium disk(const std::string& tag, int infoClass = 2) {
        NewMedium m;
        m.tag = tag;
        m.infoClass = infoClass;
        m.mediaType = "hdd";
        m.model = "ACME 500";
        m.serial = "SN-" + tag;
        m.section = "Tax";
        m.location = "Vault B";
        return m;
    }
    // What ErasureJob appends (erasure_entry.cpp), reduced to the fields the ledger reads.
    uint64_t appendErasure(const std::string& tag, const std::string& purpose,
                           const std::string& result = "erased") {
        return log.append(EntryBuilder("erasure", [this] { return now; })
                              .set("asset", tag)
                              .set("purpose", purpose)
                              .set("method", "zero")
                              .set("result", result)
                              .set("operator", "op")
                              .finish());
    }
    uint64_t appendCarryOut(const std::string& tag) {
        return log.append(EntryBuilder("carry-out", [this] { return now; })
                              .set("asset", tag)
                              .set("result", "written")
                              .set("destination", "Kita ward")
                              .set("operator", "op")
                              .finish());
    }
    uint64_t appendCarryIn(const std::string& tag, const std::string& cryptoErase) {
        return log.append(EntryBuilder("carry-in", [this] { return now; })
                              .set("asset", tag)
                              .set("condition", "intact")
                              .set("crypto_erase", cryptoErase)
                              .set("operator", "op")
                              .finish());
    }
    MediaState state(const std::string& tag) {
        ledger->catchUp();
        return ledger->find(tag).value().state;
    }
    std::string refusal(const std::function<void()>& act) {
        try {
            act();
        } catch (const RefusedError& e) {
            return e.what();
        }
        ADD_FAILURE() << "not refused";
        return "";
    }
    Destruction shredding(const std::string& witness = "clerk2") {
        Destruction d;
        d.method = "shred";
        d.witness = witness;
        d.place = "Server room";
        return d;
    }
    MoveDetails to(MediaState s) {
        MoveDetails d;
        d.to = s;
        d.writeProtected = true;
        d.lockedBy = "encryption";
        return d;
    }

    TimePoint now = testTime();
    testsupport::TempDir dir;
    SigningKey key = SigningKey::generate("test.example/media");
    Database db;
    Register log;
    std::optional<MediaLedger> ledger;
};

TEST_F(MediaLedgerTest, EveryLegalAndIllegalTransitionOfTheLifeCycle) {
    // The life cycle: registered → in use ⇄ stored → carried out ⇄ returned → erased →
    // disposed | destroyed | returned to lessor. Written out here independently of the code.
    using S = MediaState;
    using A = MediaAct;
    const std::set<std::tuple<S, A, std::optional<S>>> legal = [] {
        std::set<std::tuple<S, A, std::optional<S>>> l;
        for (S from : {S::Registered, S::InUse, S::Stored, S::Returned, S::Erased}) {
            l.insert({from, A::Move, S::InUse});
            l.insert({from, A::Move, S::Stored});
            l.insert({from, A::Erase, std::nullopt});
            l.insert({from, A::CarryOut, std::nullopt});
            l.insert({from, A::Destroy, std::nullopt});
        }
        l.insert({S::CarriedOut, A::CarryIn, std::nullopt});
        l.insert({S::Erased, A::Dispose, std::nullopt});
        l.insert({S::Erased, A::ReturnToLessor, std::nullopt});
        return l;
    }();
    const S all[] = {S::Registered, S::InUse,    S::Stored,    S::CarriedOut,      S::Returned,
                     S::Erased,     S::Disposed, S::Destroyed, S::ReturnedToLessor};
    int checked = 0;
    for (S from : all)
        for (A act : {A::Move, A::Erase, A::CarryOut, A::CarryIn, A::Destroy, A::Dispose,
                      A::ReturnToLessor}) {
            std::vector<std::optional<S>> targets{std::nullopt};
            if (act == A::Move) targets.assign(std::begin(all), std::end(all));
            for (auto target : targets) {
                const bool isLegal = legal.contains({from, act, target});
                auto why = whyRefused(from, act, target);
                EXPECT_EQ(!why.has_value(), isLegal)
                    << toString(from) << " act " << static_cast<int>(act) << " to "
                    << (target ? toString(*target) : "-") << ": " << why.value_or("allowed");
                if (why) {
                    EXPECT_FALSE(why->empty());
                }
                ++checked;
            }
        }
    EXPECT_EQ(checked, 9 * (6 + 9));
}

TEST_F(MediaLedgerTest, EachActIsARegisterEntryAndTheHistoryNamesItsIndex) {
    const uint64_t added = ledger->add(disk("PC-0001"), "clerk");
    EntryFields e = parseEntry(log.entry(added));
    EXPECT_EQ(entryString(e, "kind"), "medium-registered");
    EXPECT_EQ(entryString(e, "asset"), "PC-0001");
    EXPECT_EQ(entryInteger(e, "class"), 2);
    EXPECT_EQ(entryString(e, "serial"), "SN-PC-0001");
    EXPECT_EQ(entryString(e, "by"), "clerk");

    const uint64_t moved = ledger->move("PC-0001", to(MediaState::InUse), "clerk");
    const uint64_t stored = ledger->move("PC-0001", to(MediaState::Stored), "clerk");
    EXPECT_EQ(entryString(parseEntry(log.entry(stored)), "locked_by"), "encryption");
    EXPECT_EQ(entryInteger(parseEntry(log.entry(stored)), "write_protected"), 1);
    const uint64_t erased = appendErasure("PC-0001", "disposal");
    EXPECT_EQ(state("PC-0001"), MediaState::Erased);
    const uint64_t disposed = ledger->dispose("PC-0001", "dm");
    EXPECT_EQ(entryInteger(parseEntry(log.entry(disposed)), "erasure_entry"),
              static_cast<int64_t>(erased));

    std::vector<uint64_t> indexes;
    for (const auto& ev : ledger->history("PC-0001")) indexes.push_back(ev.index);
    EXPECT_EQ(indexes, (std::vector<uint64_t>{added, moved, stored, erased, disposed}));
    EXPECT_EQ(ledger->history("PC-0001").back().state, MediaState::Disposed);
}

TEST_F(MediaLedgerTest, IllegalMovesAreRefusedWithTheCommandThatRecordsThem) {
    ledger->add(disk("PC-0002"), "clerk");
    const uint64_t before = log.size();
    EXPECT_NE(refusal([&] {
                  ledger->move("PC-0002", to(MediaState::Erased), "clerk");
              }).find("massho erase"),
              std::string::npos);
    EXPECT_NE(refusal([&] {
                  ledger->move("PC-0002", to(MediaState::CarriedOut), "clerk");
              }).find("massho carryout"),
              std::string::npos);
    EXPECT_NE(refusal([&] {
                  ledger->move("PC-0002", to(MediaState::Destroyed), "clerk");
              }).find("media destroy"),
              std::string::npos);
    EXPECT_NE(refusal([&] { ledger->dispose("PC-0002", "dm"); }).find("erase it first"),
              std::string::npos);
    EXPECT_EQ(log.size(), before) << "a refusal writes nothing";
    EXPECT_EQ(state("PC-0002"), MediaState::Registered);
}

TEST_F(MediaLedgerTest, StorageIsWriteProtectedAndImportantMediaLocked) {
    ledger->add(disk("PC-0003", 1), "clerk");
    MoveDetails d;
    d.to = MediaState::Stored;
    EXPECT_NE(refusal([&] { ledger->move("PC-0003", d, "clerk"); }).find("write-protected"),
              std::string::npos);
    d.writeProtected = true;
    EXPECT_NE(refusal([&] { ledger->move("PC-0003", d, "clerk"); }).find("--locked-by"),
              std::string::npos);
    d.lockedBy = "password";
    ledger->move("PC-0003", d, "clerk");
    EXPECT_EQ(state("PC-0003"), MediaState::Stored);
    EXPECT_TRUE(ledger->find("PC-0003")->writeProtected);
}

TEST_F(MediaLedgerTest, CarriedOutMediumMustComeBackBeforeAnythingElse) {
    ledger->add(disk("USB-01"), "clerk");
    appendErasure("USB-01", "reuse");  // carry-out wipes the medium first
    const uint64_t out = appendCarryOut("USB-01");
    EXPECT_EQ(state("USB-01"), MediaState::CarriedOut);
    EXPECT_EQ(ledger->find("USB-01")->carryOutEntry, out);
    EXPECT_NE(refusal([&] {
                  ledger->move("USB-01", to(MediaState::InUse), "clerk");
              }).find("massho carryin"),
              std::string::npos);
    EXPECT_NE(refusal([&] { ledger->destroy("USB-01", shredding(), "clerk"); }).find("carried out"),
              std::string::npos);
    appendCarryIn("USB-01", "not requested");
    EXPECT_EQ(state("USB-01"), MediaState::Returned);
    appendCarryOut("USB-01");
    appendCarryIn("USB-01", "done");
    EXPECT_EQ(state("USB-01"), MediaState::Erased) << "a crypto-erased return is erased";
}

TEST_F(MediaLedgerTest, FailedErasureLeavesTheStateAndIsInTheHistory) {
    ledger->add(disk("PC-0004"), "clerk");
    const uint64_t failed = appendErasure("PC-0004", "disposal", "failed");
    EXPECT_EQ(state("PC-0004"), MediaState::Registered);
    EXPECT_EQ(ledger->history("PC-0004").back().index, failed);
    EXPECT_NE(refusal([&] { ledger->dispose("PC-0004", "dm"); }).find("erase it first"),
              std::string::npos);
}

TEST_F(MediaLedgerTest, DisposalNeedsADisposalErasure) {
    ledger->add(disk("PC-0005"), "clerk");
    appendErasure("PC-0005", "reuse");
    EXPECT_NE(refusal([&] { ledger->dispose("PC-0005", "dm"); }).find("--purpose disposal"),
              std::string::npos);
}

TEST_F(MediaLedgerTest, MyNumberMediumIsNeverDisposedOnlyDestroyedWithAWitness) {
    NewMedium m = disk("MN-0001", 1);
    m.myNumber = true;
    ledger->add(m, "clerk");
    appendErasure("MN-0001", "disposal");
    EXPECT_NE(refusal([&] { ledger->dispose("MN-0001", "dm"); }).find("My Number"),
              std::string::npos);
    EXPECT_NE(refusal([&] {
                  ledger->destroy("MN-0001", shredding("clerk"), "clerk");
              }).find("second person"),
              std::string::npos);
    Destruction d = shredding();
    d.contractor = "Tokyo Shred KK";
    d.contractorCertificate = "TS-2026-0042";
    d.photoSha256s = {std::string(64, 'a')};
    const uint64_t destroyed = ledger->destroy("MN-0001", d, "clerk");
    EntryFields e = parseEntry(log.entry(destroyed));
    EXPECT_EQ(entryString(e, "witness"), "clerk2");
    EXPECT_EQ(entryString(e, "contractor_cert"), "TS-2026-0042");
    EXPECT_EQ(entryString(e, "photo_sha256"), std::string(64, 'a'));
    EXPECT_EQ(entryInteger(e, "my_number"), 1);
    EXPECT_EQ(entryString(e, "performed_on"), formatDate(now));
    EXPECT_EQ(state("MN-0001"), MediaState::Destroyed);
    EXPECT_NE(refusal([&] { ledger->destroy("MN-0001", shredding(), "clerk"); }).find("closed"),
              std::string::npos);
}

TEST_F(MediaLedgerTest, DestructionDetailsAreChecked) {
    NewMedium flash = disk("SSD-01");
    flash.mediaType = "ssd";
    ledger->add(flash, "clerk");
    Destruction d = shredding();
    d.method = "degauss";
    EXPECT_NE(refusal([&] { ledger->destroy("SSD-01", d, "clerk"); }).find("degaussing"),
              std::string::npos);
    d = shredding();
    d.contractor = "Firm";
    EXPECT_THROW(ledger->destroy("SSD-01", d, "clerk"), UserError);
    d = shredding();
    d.performedOn = formatDate(now + 48h);
    EXPECT_THROW(ledger->destroy("SSD-01", d, "clerk"), UserError);
    d = shredding();
    d.method = "bury";
    EXPECT_THROW(ledger->destroy("SSD-01", d, "clerk"), UserError);
    ledger->add(disk("HDD-01"), "clerk");
    d = shredding();
    d.method = "degauss";
    ledger->destroy("HDD-01", d, "clerk");
    EXPECT_EQ(state("HDD-01"), MediaState::Destroyed);
}

TEST_F(MediaLedgerTest, LeaseReturnFollowsALeaseReturnErasure) {
    NewMedium m = disk("LS-0001");
    m.lessor = "Tokyo Lease";
    m.leaseContract = "TL-77";
    EXPECT_THROW(ledger->add(m, "clerk"), UserError) << "incomplete lease";
    m.leaseReturn = "2027-03-31";
    ledger->add(m, "clerk");
    ledger->add(disk("PC-0006"), "clerk");
    EXPECT_THROW(ledger->returnToLessor("PC-0006", "clerk"), UserError);
    EXPECT_NE(refusal([&] { ledger->returnToLessor("LS-0001", "clerk"); }).find("erase it first"),
              std::string::npos);
    appendErasure("LS-0001", "reuse");
    EXPECT_NE(refusal([&] { ledger->returnToLessor("LS-0001", "clerk"); }).find("lease-return"),
              std::string::npos);
    const uint64_t erased = appendErasure("LS-0001", "lease-return");
    const uint64_t returned = ledger->returnToLessor("LS-0001", "clerk");
    EntryFields e = parseEntry(log.entry(returned));
    EXPECT_EQ(entryString(e, "lessor"), "Tokyo Lease");
    EXPECT_EQ(entryString(e, "lease_contract"), "TL-77");
    EXPECT_EQ(entryInteger(e, "erasure_entry"), static_cast<int64_t>(erased));
    EXPECT_EQ(state("LS-0001"), MediaState::ReturnedToLessor);
}

TEST_F(MediaLedgerTest, BadInputIsRefusedBeforeWriting) {
    const uint64_t before = log.size();
    NewMedium m = disk("PC 7");
    EXPECT_THROW(ledger->add(m, "clerk"), UserError);
    m = disk("PC-0007", 5);
    EXPECT_THROW(ledger->add(m, "clerk"), UserError);
    m = disk("PC-0007");
    m.mediaType = "floppy-ish";
    EXPECT_THROW(ledger->add(m, "clerk"), UserError);
    m = disk("PC-0007");
    m.notes = "line\nbreak";
    EXPECT_THROW(ledger->add(m, "clerk"), UserError);
    EXPECT_EQ(log.size(), before);
    ledger->add(disk("PC-0007"), "clerk");
    EXPECT_THROW(ledger->add(disk("PC-0007"), "clerk"), UserError) << "duplicate tag";
    NewMedium sameSerial = disk("PC-0008");
    sameSerial.serial = "SN-PC-0007";
    EXPECT_NE(
        refusal([&] { ledger->add(sameSerial, "clerk"); }).find("already in the ledger as PC-0007"),
        std::string::npos)
        << "duplicate serial";
    EXPECT_EQ(ledger->findOpenBySerial("SN-PC-0007")->tag, "PC-0007");
}

// A read-only open (an auditor's copy, a read-only command) reads the tables when they hold every
// entry, as a read-write open that finds nothing new does; with an entry they have not folded it
// replays the register instead, and sees that entry.
TEST_F(MediaLedgerTest, AReadOnlyOpenReadsTheTablesWhenNothingIsNew) {
    ledger->add(disk("PC-0020"), "clerk");
    ledger->move("PC-0020", to(MediaState::InUse), "clerk");
    for (int k = 0; k < 200; ++k) {
        MoveDetails elsewhere;
        elsewhere.location = "Room " + std::to_string(k);
        ledger->move("PC-0020", elsewhere, "clerk");
    }
    const auto readOnlyOpen = [&](const std::function<void(const MediaLedger&)>& check) {
        Database copy(dir / "massho.db", Database::Mode::ReadOnly);
        Register copyLog(copy);
        const ReadWork before = copy.work();
        MediaLedger readOnly(copy, copyLog);
        check(readOnly);
        return copy.work().rows - before.rows;
    };
    const uint64_t rowsCurrent = readOnlyOpen([](const MediaLedger& l) {
        EXPECT_EQ(l.find("PC-0020")->state, MediaState::InUse);
        EXPECT_TRUE(l.differencesFromRegister().empty());
    });
    EXPECT_LT(readOnlyOpen([](const MediaLedger& l) { EXPECT_TRUE(l.find("PC-0020")); }), 10u)
        << "the cursor, the size and one row: not the register's " << log.size() << " entries";
    EXPECT_GT(rowsCurrent, log.size()) << "differencesFromRegister replays it on purpose";

    appendErasure("PC-0020", "disposal");  // behind the tables' back
    const uint64_t rowsBehind = readOnlyOpen(
        [](const MediaLedger& l) { EXPECT_EQ(l.find("PC-0020")->state, MediaState::Erased); });
    EXPECT_GE(rowsBehind, log.size()) << "replayed";
}

// The reports select events by the time column beside each event's row (schema version 10):
// `media check` finds one edited behind the register's back.
TEST_F(MediaLedgerTest, MediaCheckFindsAnEventTimeEditedBehindTheRegistersBack) {
    ledger->add(disk("PC-0030"), "clerk");
    const uint64_t moved = ledger->move("PC-0030", to(MediaState::InUse), "clerk");
    EXPECT_TRUE(ledger->differencesFromRegister().empty());
    Statement edit(db, "UPDATE media_events SET time = '2000-01-01T00:00:00Z' WHERE idx = ?");
    edit.bind(1, static_cast<int64_t>(moved)).run();
    const auto diffs = ledger->differencesFromRegister();
    ASSERT_EQ(diffs.size(), 1u);
    EXPECT_NE(diffs[0].find("time column of ledger event " + std::to_string(moved)),
              std::string::npos)
        << diffs[0];
}

TEST_F(MediaLedgerTest, TheLedgerIsAFoldOfTheRegister) {
    ledger->add(disk("PC-0010"), "clerk");
    now += 24h;
    const std::string dayTwo = formatRfc3339(now);
    ledger->move("PC-0010", to(MediaState::InUse), "clerk");
    appendErasure("PC-0010", "disposal");  // appended behind the ledger's back
    ledger->add(disk("PC-0011"), "clerk");

    // A fresh ledger on the same file catches up with the erasure.
    MediaLedger reopened(db, log);
    EXPECT_EQ(reopened.find("PC-0010")->state, MediaState::Erased);
    EXPECT_TRUE(reopened.differencesFromRegister().empty());

    // An auditor's read-only copy replays the register and sees the same ledger.
    {
        Database copy(dir / "massho.db", Database::Mode::ReadOnly);
        Register copyLog(copy);
        MediaLedger readOnly(copy, copyLog);
        ASSERT_EQ(readOnly.list().size(), 2u);
        EXPECT_EQ(readOnly.find("PC-0010")->state, MediaState::Erased);
        EXPECT_EQ(readOnly.history("PC-0010").size(), 3u);
    }

    // As it stood before day two: registered only, and PC-0011 did not exist.
    MediaSnapshot then = replayLedger(log, dayTwo);
    EXPECT_EQ(then.media.at("PC-0010").state, MediaState::Registered);
    EXPECT_FALSE(then.media.contains("PC-0011"));

    // Someone edits the ledger table directly: the register says otherwise.
    Medium forged = *reopened.find("PC-0010");
    forged.state = MediaState::Disposed;
    Statement edit(db, "UPDATE media SET state = 'disposed', row = ? WHERE tag = 'PC-0010'");
    edit.bind(1, serializeEntry(toFields(forged))).run();
    auto diffs = reopened.differencesFromRegister();
    ASSERT_EQ(diffs.size(), 1u);
    EXPECT_NE(diffs[0].find("PC-0010"), std::string::npos);
    EXPECT_NE(diffs[0].find("disposed vs erased"), std::string::npos);
}

// The ledger remembers the next index it has not folded (media_cursor, written in the fold's own
// transaction): a later open reads what was appended since, never the whole register; a fold
// that never committed (the process died) is redone once, not skipped and not doubled; and what
// the tables hold still equals a fold of the whole register (massho media check).
TEST_F(MediaLedgerTest, CatchingUpReadsOnlyTheEntriesAppendedSince) {
    for (int k = 0; k < 100; ++k) ledger->add(disk("PC-" + std::to_string(1000 + k)), "clerk");
    const ReadWork idleStart = db.work();
    MediaLedger idle(db, log);
    EXPECT_LE(db.work().rows - idleStart.rows, 2u) << "the cursor and the size, nothing else";

    appendErasure("PC-1003", "disposal");  // two acts behind the ledger's back
    appendErasure("PC-1004", "reuse");
    {
        Transaction crash(db);  // the process dies before COMMIT: the fold and its cursor vanish
        MediaLedger inFlight(db, log);
        EXPECT_EQ(inFlight.find("PC-1003")->state, MediaState::Erased);
    }
    const ReadWork start = db.work();
    MediaLedger caughtUp(db, log);
    const uint64_t read = db.work().rows - start.rows;
    EXPECT_GE(read, 2u) << "the two new entries are read";
    EXPECT_LE(read, 8u) << "caught up by reading " << read << " rows of a register of "
                        << log.size();
    EXPECT_EQ(db.work().fullScanSteps, start.fullScanSteps) << "no table was scanned";
    EXPECT_EQ(caughtUp.find("PC-1003")->state, MediaState::Erased);
    EXPECT_EQ(caughtUp.history("PC-1003").size(), 2u) << "registered, erased: each once";
    EXPECT_TRUE(caughtUp.differencesFromRegister().empty());
}

TEST_F(MediaLedgerTest, ParticularsChangeOnlyTowardsMoreCare) {
    NewMedium m = disk("PC-0020", 3);
    ledger->add(m, "clerk");
    MediumUpdate u;
    u.reason = "reclassified after audit";
    EXPECT_THROW(ledger->update("PC-0020", u, "dm"), UserError) << "nothing to change";
    u.infoClass = 4;
    EXPECT_NE(refusal([&] { ledger->update("PC-0020", u, "dm"); }).find("never lowered"),
              std::string::npos);
    u.infoClass = 1;
    u.myNumber = true;
    u.section = "Welfare";
    u.lessor = "Tokyo Lease";
    EXPECT_THROW(ledger->update("PC-0020", u, "dm"), UserError) << "incomplete lease";
    u.leaseContract = "TL-9";
    u.leaseReturn = "2027-04-30";
    u.reason = "";
    EXPECT_THROW(ledger->update("PC-0020", u, "dm"), UserError) << "no reason";
    u.reason = "reclassified after audit";
    const uint64_t at = ledger->update("PC-0020", u, "dm");
    EntryFields e = parseEntry(log.entry(at));
    EXPECT_EQ(entryString(e, "kind"), "medium-updated");
    EXPECT_EQ(entryInteger(e, "class"), 1);
    EXPECT_EQ(entryInteger(e, "my_number"), 1);
    EXPECT_FALSE(e.contains("location")) << "only what changes is recorded";
    const Medium after = *ledger->find("PC-0020");
    EXPECT_EQ(after.infoClass, 1);
    EXPECT_TRUE(after.myNumber);
    EXPECT_EQ(after.section, "Welfare");
    EXPECT_EQ(after.leaseReturn, "2027-04-30");
    EXPECT_EQ(after.location, "Vault B");
    EXPECT_EQ(ledger->history("PC-0020").back().index, at);
    EXPECT_TRUE(ledger->differencesFromRegister().empty());
}

TEST_F(MediaLedgerTest, DeviceWithoutSerialIsKnownByPathModelAndSize) {
    NewMedium loop = disk("A-1", 4);
    loop.serial.clear();
    loop.manufacturer = "ACME";
    loop.devicePath = "/dev/loop7";
    loop.sizeBytes = 64 << 20;
    const uint64_t added = ledger->add(loop, "clerk");
    EXPECT_EQ(entryString(parseEntry(log.entry(added)), "device_path"), "/dev/loop7");
    // As an erasure describes the device: vendor and model joined, the size in bytes.
    const DeviceIdentity attached{"/dev/loop7", "ACME ACME 500", "", 64 << 20};
    EXPECT_EQ(ledger->findOpenByDevice(attached)->tag, "A-1");
    DeviceIdentity other = attached;
    other.path = "/dev/loop8";
    EXPECT_FALSE(ledger->findOpenByDevice(other)) << "another path";
    other = attached;
    other.model = "ACME 500";
    EXPECT_FALSE(ledger->findOpenByDevice(other)) << "another model";
    other = attached;
    other.sizeBytes += 512;
    EXPECT_FALSE(ledger->findOpenByDevice(other)) << "another size";
    other = attached;
    other.serial = "SN-9";
    EXPECT_FALSE(ledger->findOpenByDevice(other)) << "a device with a serial";

    // A second tag for the same device is refused, naming the first; nothing is written.
    const uint64_t before = log.size();
    NewMedium again = loop;
    again.tag = "DEV-1";
    EXPECT_NE(refusal([&] { ledger->add(again, "clerk"); }).find("already in the ledger as A-1"),
              std::string::npos);
    EXPECT_EQ(log.size(), before);
    // The same path with another size is another medium (a loop device's path is reused).
    again.sizeBytes = 32 << 20;
    ledger->add(again, "clerk");
    EXPECT_EQ(ledger->find("DEV-1")->devicePath, "/dev/loop7");
    EXPECT_TRUE(ledger->differencesFromRegister().empty());
}

TEST_F(MediaLedgerTest, DestructionIsNotDatedBeforeTheMediumWasRegistered) {
    ledger->add(disk("PC-0030"), "clerk");
    Destruction d = shredding();
    d.performedOn = "2001-01-01";
    try {
        ledger->destroy("PC-0030", d, "clerk");
        ADD_FAILURE() << "accepted a destruction before the registration";
    } catch (const UserError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "destruction date 2001-01-01 is before medium PC-0030 was registered (" +
                      formatDate(now) + "): give the day it was destroyed (--date YYYY-MM-DD)");
    }
    d.performedOn = formatDate(now - 24h);
    EXPECT_THROW(ledger->destroy("PC-0030", d, "clerk"), UserError) << "the day before";
    EXPECT_EQ(state("PC-0030"), MediaState::Registered);
    d.performedOn = formatDate(now);
    ledger->destroy("PC-0030", d, "clerk");
    EXPECT_EQ(state("PC-0030"), MediaState::Destroyed);
}

TEST_F(MediaLedgerTest, MediumErasedToLeaveGoesBackIntoUseOnlyByADataManagerWithAReason) {
    ledger->add(disk("PC-0040"), "clerk");
    const uint64_t erased = appendErasure("PC-0040", "disposal");
    MoveDetails back = to(MediaState::InUse);
    EXPECT_EQ(refusal([&] { ledger->move("PC-0040", back, "clerk"); }),
              "medium PC-0040 refused: it was erased for disposal (entry " +
                  std::to_string(erased) +
                  "): close it with massho media dispose or massho media destroy; if it really is "
                  "to be reused, a data manager moves it back with --reason WHY");
    EXPECT_NE(refusal([&] {
                  ledger->move("PC-0040", to(MediaState::Stored), "clerk");
              }).find("erased for disposal"),
              std::string::npos);
    back.byDataManager = true;
    EXPECT_THROW(ledger->move("PC-0040", back, "dm"), UserError) << "no reason";
    EXPECT_EQ(state("PC-0040"), MediaState::Erased);
    back.reason = "disposal cancelled: the section needs it again";
    const uint64_t moved = ledger->move("PC-0040", back, "dm");
    EXPECT_EQ(entryString(parseEntry(log.entry(moved)), "reason"), back.reason);
    EXPECT_EQ(state("PC-0040"), MediaState::InUse);

    // A lease-return erasure likewise; a reuse erasure does not hold the medium.
    ledger->add(disk("PC-0041"), "clerk");
    appendErasure("PC-0041", "lease-return");
    EXPECT_NE(refusal([&] {
                  ledger->move("PC-0041", to(MediaState::InUse), "clerk");
              }).find("massho media return-to-lessor"),
              std::string::npos);
    appendErasure("PC-0041", "reuse");
    ledger->move("PC-0041", to(MediaState::InUse), "clerk");
    EXPECT_EQ(state("PC-0041"), MediaState::InUse);
}

// `media list` reads its columns (schema version 9), in tag order through index media_listing:
// the same media and values as the rows they come from, and a column edited behind the row's
// back shows in `media check`.
TEST_F(MediaLedgerTest, TheListedColumnsAreTheRowsOwnValues) {
    for (int k = 0; k < 20; ++k) {
        NewMedium m = disk("PC-" + std::to_string(2019 - k), 1 + k % 4);
        m.myNumber = k % 3 == 0;
        m.location = k % 2 ? "金庫B" : "";
        ledger->add(m, "clerk");
    }
    ledger->move("PC-2005", to(MediaState::InUse), "clerk");
    ledger->move("PC-2006", to(MediaState::InUse), "clerk");
    appendErasure("PC-2006", "disposal");  // behind the ledger's back: caught up on open
    MediaLedger reopened(db, log);
    const auto rows = reopened.list();
    std::vector<std::string> tags;
    size_t at = 0;
    reopened.forEachListed(std::nullopt, [&](const MediumLine& line) {
        ASSERT_LT(at, rows.size());
        const MediumLine expected = listedLine(rows[at++]);
        EXPECT_EQ(line.tag, expected.tag);
        EXPECT_EQ(line.infoClass, expected.infoClass);
        EXPECT_EQ(line.myNumber, expected.myNumber);
        EXPECT_EQ(line.mediaType, expected.mediaType);
        EXPECT_EQ(line.state, expected.state);
        EXPECT_EQ(line.serial, expected.serial);
        EXPECT_EQ(line.location, expected.location);
        tags.emplace_back(line.tag);
    });
    EXPECT_EQ(at, 20u);
    EXPECT_TRUE(std::is_sorted(tags.begin(), tags.end()));
    std::vector<std::string> erased;
    reopened.forEachListed(MediaState::Erased,
                           [&](const MediumLine& line) { erased.emplace_back(line.tag); });
    EXPECT_EQ(erased, std::vector<std::string>{"PC-2006"});

    Statement plan(db,
                   "EXPLAIN QUERY PLAN SELECT tag, class, my_number, media_type, state, serial, "
                   "location FROM media ORDER BY tag");
    ASSERT_TRUE(plan.step());
    EXPECT_NE(plan.text(3).find("COVERING INDEX media_listing"), std::string::npos) << plan.text(3);

    db.exec("UPDATE media SET location = 'elsewhere' WHERE tag = 'PC-2003'");
    const auto diffs = reopened.differencesFromRegister();
    ASSERT_EQ(diffs.size(), 1u);
    EXPECT_NE(diffs[0].find("PC-2003: the ledger table's listed columns differ"), std::string::npos)
        << diffs[0];
}

// A file of a build at schema version 8 (no listed columns): the migration fills them from each
// row, as save() writes them, without folding the register again.
TEST(MediaLedgerMigration, AVersion8FileGetsItsListedColumnsFromItsRows) {
    testsupport::TempDir dir;
    const SigningKey key = SigningKey::generate("test.example/media");
    const std::vector<Migration> v8(Database::migrations().begin(),
                                    Database::migrations().begin() + 8);
    MediaSnapshot folded;
    {
        Database old(dir / "massho.db", Database::Mode::Create, v8);
        Register log(old);
        log.setSigner("test.example/media", [&]() -> const SigningKey& { return key; });
        for (int k = 0; k < 12; ++k) {
            EntryBuilder e("medium-registered", fixedClock());
            e.set("asset", "PC-" + std::to_string(3000 + k)).set("class", int64_t{1 + k % 4});
            e.set("my_number", int64_t{k % 5 == 0 ? 1 : 0});
            e.set("media_type", k % 2 ? "ssd" : "usb-flash");
            if (k % 3) e.set("serial", "SN-" + std::to_string(k));
            if (k % 4) e.set("location", "庁舎 " + std::to_string(k) + "F");
            log.append(e.set("source", "manual").set("by", "clerk").finish());
        }
        // What the ledger of a version 8 build wrote: the row and its three columns.
        folded = replayLedger(log);
        for (const auto& [tag, m] : folded.media) {
            Statement s(old, "INSERT INTO media(tag, serial, state, row) VALUES(?, ?, ?, ?)");
            s.bind(1, tag).bind(2, m.serial).bind(3, toString(m.state));
            s.bind(4, serializeEntry(toFields(m))).run();
        }
        Statement cursor(old, "UPDATE media_cursor SET next_index = ? WHERE id = 0");
        cursor.bind(1, static_cast<int64_t>(log.size())).run();
    }
    Database db(dir / "massho.db", Database::Mode::ReadWrite);
    EXPECT_GE(db.schemaVersion(), 9);
    Register log(db);
    MediaLedger ledger(db, log);
    auto expected = folded.media.begin();
    size_t count = 0;
    ledger.forEachListed(std::nullopt, [&](const MediumLine& line) {
        ASSERT_NE(expected, folded.media.end());
        const Medium& m = expected->second;
        EXPECT_EQ(line.tag, m.tag);
        EXPECT_EQ(line.infoClass, m.infoClass) << m.tag;
        EXPECT_EQ(line.myNumber, m.myNumber) << m.tag;
        EXPECT_EQ(line.mediaType, m.mediaType) << m.tag;
        EXPECT_EQ(line.state, m.state) << m.tag;
        EXPECT_EQ(line.serial, m.serial) << m.tag;
        EXPECT_EQ(line.location, m.location) << m.tag;
        ++expected;
        ++count;
    });
    EXPECT_EQ(count, 12u);
    EXPECT_TRUE(ledger.differencesFromRegister().empty());
}

}  // namespace
}  // namespace massho::records::test
