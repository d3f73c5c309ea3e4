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

}  // namespace
}  // namespace massho::operations
