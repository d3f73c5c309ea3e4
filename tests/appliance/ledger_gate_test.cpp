// Which ledger row an erasure or carry-out is about: by tag, or by the device's
// serial; refusals for a wrong label, a contradicting class, a medium that is out or closed.
#include "massho/operations/ledger_gate.h"

#include <gtest/gtest.h>

#include "massho/operations/erasure_job.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

using records::MediaAct;

class LedgerGateTest : public ::testing::Test {
  protected:
    LedgerGateTest() : db(dir / "massho.db", records::Database::Mode::Create), log(db) {
        log.setSigner("test.example/gate", [this]() -> const records::SigningKey& { return key; });
        ledger.emplace(db, log);
        records::NewMedium m;
        m.tag = "PC-0001";
        m.infoClass = 2;
        m.mediaType = "ssd";
        m.serial = "S-111";
        ledger->add(m, "clerk");
        disk.path = "/dev/sdx";
        disk.serial = "S-111";
        disk.mediaType = "ssd";
    }
    base::ErrorCategory failure(const std::function<void()>& f, const std::string& mustSay) {
        try {
            f();
        } catch (const OperationError& e) {
            EXPECT_NE(std::string(e.what()).find(mustSay), std::string::npos) << e.what();
            return e.category();
        }
        ADD_FAILURE() << "admitted";
        return base::ErrorCategory::Failed;
    }

    testsupport::TempDir dir;
    records::SigningKey key = records::SigningKey::generate("test.example/gate");
    records::Database db;
    records::Register log;
    std::optional<records::MediaLedger> ledger;
    MediumDescription disk;
};

TEST_F(LedgerGateTest, FindsTheRowByTheDeviceSerialAndTakesItsClass) {
    auto a = admitToLedger(*ledger, true, disk, std::nullopt, std::nullopt, MediaAct::Erase);
    EXPECT_EQ(a.tag, "PC-0001");
    EXPECT_EQ(a.infoClass, 2);
    EXPECT_FALSE(a.toRegister);
}

TEST_F(LedgerGateTest, RefusesAWrongLabelOrAContradictingClass) {
    MediumDescription other = disk;
    other.serial = "S-999";
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, other, "PC-0001", 2, MediaAct::Erase); },
                      "reports serial S-999"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, disk, "PC-0002", 2, MediaAct::Erase); },
                      "registered as PC-0001"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, disk, "PC-0001", 3, MediaAct::Erase); },
                      "class 2 in the media ledger"),
              base::ErrorCategory::Refused);
    // A carry-out's class is the data's: no contradiction.
    EXPECT_EQ(admitToLedger(*ledger, true, disk, "PC-0001", 1, MediaAct::CarryOut).tag, "PC-0001");
}

TEST_F(LedgerGateTest, UnknownMediumIsRegisteredOrRefusedByConfiguration) {
    MediumDescription fresh = disk;
    fresh.serial = "S-222";
    fresh.mediaType = "unknown";
    auto a = admitToLedger(*ledger, true, fresh, "PC-0003", 4, MediaAct::Erase);
    ASSERT_TRUE(a.toRegister);
    EXPECT_EQ(a.toRegister->serial, "S-222");
    EXPECT_EQ(a.toRegister->mediaType, "other");
    EXPECT_EQ(a.toRegister->source, "erasure");
    const uint64_t before = log.size();
    EXPECT_EQ(*registerAdmitted(*ledger, a, "op"), before);
    EXPECT_EQ(ledger->find("PC-0003")->infoClass, 4);

    fresh.serial = "S-333";
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, false, fresh, "PC-0004", 4, MediaAct::Erase); },
                      "unregistered = refuse"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(
        failure(
            [&] { admitToLedger(*ledger, true, fresh, "PC-0004", std::nullopt, MediaAct::Erase); },
            "--class is required"),
        base::ErrorCategory::BadInput);
    EXPECT_EQ(failure(
                  [&] {
                      admitToLedger(*ledger, true, fresh, std::nullopt, std::nullopt,
                                    MediaAct::Erase);
                  },
                  "give --asset TAG"),
              base::ErrorCategory::BadInput);
}

// Art. 20(11): a lease return is of a leased medium. Refused, naming the exact command that records
// the lease; once it is recorded the same erasure passes. Other purposes never ask for a lease.
TEST_F(LedgerGateTest, LeaseReturnNeedsALeaseInTheLedger) {
    const auto unleased =
        admitToLedger(*ledger, true, disk, std::nullopt, std::nullopt, MediaAct::Erase);
    EXPECT_FALSE(unleased.leased);
    EXPECT_EQ(failure([&] { requireLeaseForReturn(unleased, disk, "lease-return"); },
                      "medium PC-0001 has no lease in the media ledger, so it cannot be erased "
                      "for a lease return (Art. 20(11)): record the lease first (massho media "
                      "update PC-0001 --lessor NAME --lease-contract NO --lease-return YYYY-MM-DD "
                      "--reason TEXT), or erase it for disposal or reuse"),
              base::ErrorCategory::Refused);
    requireLeaseForReturn(unleased, disk, "disposal");
    requireLeaseForReturn(unleased, disk, "reuse");

    records::MediumUpdate lease;
    lease.lessor = "Tokyo Lease";
    lease.leaseContract = "TL-1";
    lease.leaseReturn = "2027-03-31";
    lease.reason = "the lease was found";
    ledger->update("PC-0001", lease, "clerk");
    const auto leased =
        admitToLedger(*ledger, true, disk, std::nullopt, std::nullopt, MediaAct::Erase);
    EXPECT_TRUE(leased.leased);
    requireLeaseForReturn(leased, disk, "lease-return");
}

// A medium the erasure itself would register gets no lease that way: refused, naming `media add`
// with the lease options, before it is registered.
TEST_F(LedgerGateTest, LeaseReturnOfAMediumToRegisterIsRefused) {
    MediumDescription fresh = disk;
    fresh.serial = "S-444";
    const uint64_t before = log.size();
    const auto a = admitToLedger(*ledger, true, fresh, "PC-0005", 3, MediaAct::Erase);
    ASSERT_TRUE(a.toRegister);
    EXPECT_EQ(failure([&] { requireLeaseForReturn(a, fresh, "lease-return"); },
                      "register it with its lease first (massho media add PC-0005 --device "
                      "/dev/sdx --class N --lessor NAME --lease-contract NO --lease-return "
                      "YYYY-MM-DD)"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(log.size(), before) << "nothing registered";
    requireLeaseForReturn(a, fresh, "reuse");
}

// A device without a serial (a loop device, some card readers) is found by path, model and size,
// as approvals find it: a new tag cannot take it out of the class its ledger row holds.
TEST_F(LedgerGateTest, DeviceWithoutSerialKeepsItsLedgerClass) {
    MediumDescription loop;
    loop.path = "/dev/loop3";
    loop.model = "";
    loop.mediaType = "virtual";
    loop.sizeBytes = 8 << 20;
    records::NewMedium m;
    m.tag = "A-1";
    m.infoClass = 1;
    m.mediaType = "virtual";
    m.devicePath = loop.path;
    m.sizeBytes = 8 << 20;
    ledger->add(m, "clerk");

    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, loop, "NEW-9", 4, MediaAct::Erase); },
                      "/dev/loop3 (no serial; same path, model and size) is registered as A-1, "
                      "not NEW-9: check the label"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, loop, "PC-0001", 2, MediaAct::Erase); },
                      "registered as A-1, not PC-0001"),
              base::ErrorCategory::Refused);
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, loop, "A-1", 4, MediaAct::Erase); },
                      "class 1 in the media ledger"),
              base::ErrorCategory::Refused);
    const auto a = admitToLedger(*ledger, true, loop, "A-1", std::nullopt, MediaAct::Erase);
    EXPECT_EQ(a.tag, "A-1");
    EXPECT_EQ(a.infoClass, 1);
    // The weaker identity never picks the row by itself: the tag is still asked for.
    EXPECT_EQ(failure(
                  [&] {
                      admitToLedger(*ledger, true, loop, std::nullopt, std::nullopt,
                                    MediaAct::Erase);
                  },
                  "give --asset TAG"),
              base::ErrorCategory::BadInput);

    // Another device at the same path (another size) is another medium; registering it by an
    // erasure keeps its path, so that it is recognised in turn.
    MediumDescription next = loop;
    next.sizeBytes = 16 << 20;
    auto fresh = admitToLedger(*ledger, true, next, "NEW-9", 4, MediaAct::Erase);
    ASSERT_TRUE(fresh.toRegister);
    registerAdmitted(*ledger, fresh, "op");
    EXPECT_EQ(ledger->find("NEW-9")->devicePath, "/dev/loop3");
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, next, "NEW-10", 4, MediaAct::Erase); },
                      "registered as NEW-9"),
              base::ErrorCategory::Refused);
}

TEST_F(LedgerGateTest, RefusesAMediumThatIsOutOrClosed) {
    log.append(records::EntryBuilder("carry-out")
                   .set("asset", "PC-0001")
                   .set("result", "written")
                   .finish());
    ledger->catchUp();
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, disk, std::nullopt, 2, MediaAct::Erase); },
                      "massho carryin"),
              base::ErrorCategory::Refused);

    // A destroyed medium is closed: its tag admits nothing any more.
    records::NewMedium gone;
    gone.tag = "PC-0009";
    gone.infoClass = 4;
    gone.mediaType = "hdd";
    gone.serial = "S-999";
    ledger->add(gone, "clerk");
    records::Destruction shred;
    shred.method = "shred";
    shred.witness = "witness";
    ledger->destroy("PC-0009", shred, "clerk");
    MediumDescription other = disk;
    other.serial = "S-999";
    EXPECT_EQ(failure([&] { admitToLedger(*ledger, true, other, "PC-0009", 4, MediaAct::Erase); },
                      "closed"),
              base::ErrorCategory::Refused);
}

}  // namespace
}  // namespace massho::operations
