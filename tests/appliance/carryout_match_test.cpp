// Which carry-out a returning medium came back from: the ledger's row first, else a register
// search by device serial or FAT volume serial.
#include "massho/operations/carryout_match.h"

#include <gtest/gtest.h>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

// A device known by its serial alone (what the match reads of it then).
records::DeviceIdentity serial(const std::string& s) {
    return {"/dev/sdx", "USB Stick", s, 1u << 30};
}
// A serial-less card reader at /dev/sdc.
const records::DeviceIdentity kNoSerial{"/dev/sdc", "Generic Card Reader", "", 1u << 30};

class CarryOutMatchTest : public ::testing::Test {
  protected:
    CarryOutMatchTest() : db(dir / "massho.db", records::Database::Mode::Create), log(db) {
        log.setSigner("test.example/match", [this]() -> const records::SigningKey& { return key; });
    }
    uint64_t carryOut(const std::string& asset, const std::string& serial,
                      const std::string& volume, int64_t infoClass) {
        return log.append(records::EntryBuilder("carry-out")
                              .set("asset", asset)
                              .set("result", "written")
                              .set("device_serial", serial)
                              .set("volume_id", volume)
                              .set("package", "MASSHO-" + asset + ".tar.age")
                              .set("class", infoClass)
                              .finish());
    }

    testsupport::TempDir dir;
    records::SigningKey key = records::SigningKey::generate("test.example/match");
    records::Database db;
    records::Register log;
};

TEST_F(CarryOutMatchTest, LatestCarryOutBySerialOrVolumeSerial) {
    carryOut("USB-1", "S-1", "AAAA-0001", 2);
    const uint64_t latest = carryOut("USB-1", "S-1", "AAAA-0002", 1);
    const uint64_t noSerial = carryOut("CARD-7", "", "BBBB-0001", 3);
    auto bySerial = findCarryOut(log, nullptr, serial("S-1"), "");
    ASSERT_TRUE(bySerial);
    EXPECT_EQ(bySerial->index, latest);
    EXPECT_EQ(bySerial->infoClass, 1);
    EXPECT_EQ(bySerial->asset, "USB-1");
    auto byVolume = findCarryOut(log, nullptr, kNoSerial, "BBBB-0001");
    ASSERT_TRUE(byVolume);
    EXPECT_EQ(byVolume->index, noSerial);
    EXPECT_FALSE(findCarryOut(log, nullptr, serial("S-9"), "AAAA-0002")) << "a serial must match";
}

TEST_F(CarryOutMatchTest, TheLedgerNamesTheCarryOutOfAMediumItKnowsIsOut) {
    records::MediaLedger ledger(db, log);
    records::NewMedium m;
    m.tag = "USB-2";
    m.infoClass = 2;
    m.mediaType = "usb-flash";
    m.serial = "S-2";
    ledger.add(m, "clerk");
    const uint64_t out = carryOut("USB-2", "S-2", "CCCC-0001", 2);
    // A later carry-out entry with the same serial under another tag (a relabelled stick): the
    // register search would pick it, the ledger knows which row is out.
    carryOut("OTHER", "S-2", "CCCC-0002", 4);
    ledger.catchUp();
    auto match = findCarryOut(log, &ledger, serial("S-2"), "");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->index, out);
    EXPECT_EQ(match->asset, "USB-2");
    EXPECT_NE(findCarryOut(log, nullptr, serial("S-2"), "")->index, out);
}

// A serial-less medium whose volume serial is gone (a crypto-erase killed after destroying the
// headers, or a stick reformatted elsewhere) is still known to the ledger as the medium carried
// out from that path, model and size; another path or size is not it.
TEST_F(CarryOutMatchTest, ASerialLessMediumWithoutItsVolumeIsKnownByTheLedgerFromPathModelAndSize) {
    records::MediaLedger ledger(db, log);
    records::NewMedium m;
    m.tag = "CARD-5";
    m.infoClass = 2;
    m.mediaType = "memory-card";
    m.model = "Generic Card Reader";
    m.sizeBytes = 1u << 30;
    m.devicePath = "/dev/sdc";
    ledger.add(m, "clerk");
    const uint64_t out = carryOut("CARD-5", "", "FFFF-0001", 2);
    ledger.catchUp();
    EXPECT_EQ(findCarryOut(log, &ledger, kNoSerial, "FFFF-0001")->index, out) << "by its volume";
    auto withoutVolume = findCarryOut(log, &ledger, kNoSerial, "");
    ASSERT_TRUE(withoutVolume) << "the ledger knows the medium carried out from /dev/sdc";
    EXPECT_EQ(withoutVolume->index, out);
    EXPECT_EQ(withoutVolume->asset, "CARD-5");
    records::DeviceIdentity elsewhere = kNoSerial;
    elsewhere.path = "/dev/sdd";
    EXPECT_FALSE(findCarryOut(log, &ledger, elsewhere, "")) << "another path is another medium";
    records::DeviceIdentity larger = kNoSerial;
    larger.sizeBytes *= 2;
    EXPECT_FALSE(findCarryOut(log, &ledger, larger, "")) << "another size is another medium";
    EXPECT_FALSE(findCarryOut(log, nullptr, kNoSerial, "")) << "without the ledger, nothing";
}

// A medium comes back once per carry-out: the return names the carry-out it closed.
TEST_F(CarryOutMatchTest, TheReturnOfACarryOutIsFoundByItsIndex) {
    const uint64_t first = carryOut("USB-3", "S-3", "DDDD-0001", 3);
    EXPECT_FALSE(findReturn(log, first));
    const uint64_t back = log.append(records::EntryBuilder("carry-in")
                                         .set("matched", "yes")
                                         .set("carry_out_index", static_cast<int64_t>(first))
                                         .finish());
    const uint64_t second = carryOut("USB-3", "S-3", "DDDD-0002", 3);
    EXPECT_EQ(findReturn(log, first), back);
    EXPECT_FALSE(findReturn(log, second)) << "a new carry-out of the same medium is not returned";
}

// The match reads the carry-outs and returns of that medium by their keys (entry_keys.h), not
// the register: a register ten times larger costs the match nothing more.
TEST_F(CarryOutMatchTest, TheMatchReadsItsEntriesNotTheRegister) {
    carryOut("USB-4", "S-4", "EEEE-0001", 2);
    log.append(records::EntryBuilder("carry-out")
                   .set("asset", "USB-4")
                   .set("result", "failed")
                   .set("device_serial", "S-4")
                   .set("volume_id", "EEEE-0002")
                   .finish());
    const uint64_t noSerial = carryOut("CARD-4", "", "EEEE-0003", 3);
    for (int k = 0; k < 500; ++k)
        log.append(
            records::EntryBuilder("medium-moved").set("asset", "PC-" + std::to_string(k)).finish());
    const records::ReadWork before = db.work();
    const auto bySerial = findCarryOut(log, nullptr, serial("S-4"), "");
    ASSERT_TRUE(bySerial);
    EXPECT_EQ(bySerial->index, 0u) << "the written one, not the failed one after it";
    EXPECT_EQ(findCarryOut(log, nullptr, kNoSerial, "EEEE-0003")->index, noSerial);
    EXPECT_FALSE(findCarryOut(log, nullptr, kNoSerial, "EEEE-0002"))
        << "failed: nothing was carried out";
    EXPECT_FALSE(findReturn(log, noSerial));
    const records::ReadWork after = db.work();
    EXPECT_LT(after.rows - before.rows, 20u) << "keys and their entries, not 500 entries";
    // Scans only of the schema's own small tables, once per register (is there entry_keys, at
    // which version): never of the 500 entries.
    EXPECT_LT(after.fullScanSteps - before.fullScanSteps, 100u);
}

}  // namespace
}  // namespace massho::operations
