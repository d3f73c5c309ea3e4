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
    auto bySerial = findCarryOut(log, nullptr, "S-1", "");
    ASSERT_TRUE(bySerial);
    EXPECT_EQ(bySerial->index, latest);
    EXPECT_EQ(bySerial->infoClass, 1);
    EXPECT_EQ(bySerial->asset, "USB-1");
    auto byVolume = findCarryOut(log, nullptr, "", "BBBB-0001");
    ASSERT_TRUE(byVolume);
    EXPECT_EQ(byVolume->index, noSerial);
    EXPECT_FALSE(findCarryOut(log, nullptr, "S-9", "AAAA-0002")) << "a serial must match";
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
    auto match = findCarryOut(log, &ledger, "S-2", "");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->index, out);
    EXPECT_EQ(match->asset, "USB-2");
    EXPECT_NE(findCarryOut(log, nullptr, "S-2", "")->index, out);
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
    const auto bySerial = findCarryOut(log, nullptr, "S-4", "");
    ASSERT_TRUE(bySerial);
    EXPECT_EQ(bySerial->index, 0u) << "the written one, not the failed one after it";
    EXPECT_EQ(findCarryOut(log, nullptr, "", "EEEE-0003")->index, noSerial);
    EXPECT_FALSE(findCarryOut(log, nullptr, "", "EEEE-0002")) << "failed: nothing was carried out";
    EXPECT_FALSE(findReturn(log, noSerial));
    const records::ReadWork after = db.work();
    EXPECT_LT(after.rows - before.rows, 20u) << "keys and their entries, not 500 entries";
    // Scans only of the schema's own small tables, once per register (is there entry_keys, at
    // which version): never of the 500 entries.
    EXPECT_LT(after.fullScanSteps - before.fullScanSteps, 100u);
}

}  // namespace
}  // namespace massho::operations
