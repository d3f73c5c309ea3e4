// A carry-in medium that someone prepared to hurt the appliance: a FAT boot sector that is
// garbage or claims an impossible geometry, a volume cut short, directory entries with control
// characters, "..", "/" and clusters outside the volume, and age headers that never end, carry
// the wrong version or are cut off at the end of the medium. Carry-in reads only the boot
// sector (mtools' minfo, a subprocess) and scans for age headers in bounded windows: each case
// ends with exactly one `carry-in` entry saying what was found, nothing crashes, and nothing is
// written outside the medium and the register.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "massho/erase/method.h"
#include "massho/image/crypto_erase.h"
#include "massho/image/fat_medium.h"
#include "massho/operations/carryin_operation.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
constexpr uint64_t kSize = 64u << 20;
constexpr uint64_t kBoot = image::kPartitionOffset;  // the FAT's boot sector
constexpr const char* kAgeMagic = "age-encryption.org/v1\n";

void patch(const fs::path& file, uint64_t offset, const std::string& bytes) {
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(f.good()) << "cannot patch " << file;
}

std::string littleEndian(uint64_t value, int bytes) {
    std::string out;
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
    return out;
}

std::vector<uint64_t> offsetsOf(const std::string& haystack, const std::string& needle) {
    std::vector<uint64_t> at;
    for (size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1))
        at.push_back(i);
    return at;
}

class CarryInHostileMediumTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        store_.emplace(records::Store::create(tmp_ / "data", "test/carryin-hostile", "admin",
                                              "Admin", "admin-passphrase-1"));
    }

    // A medium as a carry-out leaves it: FAT32 at 1 MiB (mkfs.vfat, as image/ formats it).
    fs::path fatImage(const std::string& name, uint64_t size = kSize) {
        fs::path file = tmp_ / name;
        std::ofstream(file).close();
        fs::resize_file(file, size);
        const auto mkfs =
            testsupport::runCommand({"mkfs.vfat", "-F", "32", "-n", "HOSTILE", "--offset", "2048",
                                     file.string(), std::to_string((size - kBoot) / 1024)});
        EXPECT_EQ(mkfs.exitCode, 0) << mkfs.err;
        return file;
    }

    // Carry-in of `image` on a real loop device; the outcome and the entry it appended.
    std::pair<Outcome, records::EntryFields> carryIn(const fs::path& image, bool cryptoErase) {
        testsupport::LoopDevice medium(image);
        CarryInInput input;
        input.devicePath = medium.path();
        input.operatorId = "admin";
        input.cryptoErase = cryptoErase;
        input.method = erase::findMethod("zero");
        input.dataDir = tmp_ / "data";
        CarryInOperation operation(store_->signedRegister(), std::move(input));
        const uint64_t before = store_->signedRegister().size();
        operation.check();
        ProgressSink progress;
        const Outcome outcome = operation.run(progress, CancelToken());
        const uint64_t after = store_->signedRegister().size();
        EXPECT_EQ(after, before + (cryptoErase ? 3 : 1)) << "started + erasure + carry-in, or one";
        return {outcome, records::parseEntry(store_->signedRegister().entry(after - 1))};
    }

    // An unmatched return, recorded, with a volume serial that is either absent or 8 hex digits;
    // returns that serial.
    std::string expectUnmatchedReturn(const std::pair<Outcome, records::EntryFields>& result) {
        const auto& [outcome, entry] = result;
        EXPECT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
        EXPECT_EQ(records::entryText(entry, "kind"), "carry-in");
        EXPECT_EQ(records::entryText(entry, "matched"), "no");
        std::string volume = records::entryText(entry, "volume_id");
        EXPECT_TRUE(volume.empty() ||
                    std::regex_match(volume, std::regex("[0-9A-F]{4}-[0-9A-F]{4}")))
            << volume;
        return volume;
    }

    // Nothing but the images and the data directory in the test's folder.
    void expectNothingWrittenOutside() {
        for (const auto& e : fs::directory_iterator(tmp_.path())) {
            const std::string name = e.path().filename().string();
            EXPECT_TRUE(name == "data" || name.ends_with(".img")) << "unexpected " << e.path();
        }
    }

    testsupport::TempDir tmp_;
    std::optional<records::Store> store_;
};

TEST_F(CarryInHostileMediumTest, AGarbageImpossibleOrCutShortBootSectorIsRecordedAsUnmatched) {
    // Random bytes where the boot sector should be: no volume serial.
    const fs::path garbage = fatImage("garbage.img");
    std::string noise(512, '\0');
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 151 + 7) % 251);
    patch(garbage, kBoot, noise);
    EXPECT_EQ(expectUnmatchedReturn(carryIn(garbage, false)), "");

    // Sector size 0, 0 sectors a cluster, 255 FATs, 2^32-1 sectors, a FAT of 2^32-1 sectors:
    // minfo refuses it, so no volume serial either.
    const fs::path impossible = fatImage("impossible.img");
    patch(impossible, kBoot + 11, littleEndian(0, 2));
    patch(impossible, kBoot + 13, littleEndian(0, 1));
    patch(impossible, kBoot + 16, littleEndian(255, 1));
    patch(impossible, kBoot + 32, littleEndian(0xFFFFFFFF, 4));
    patch(impossible, kBoot + 36, littleEndian(0xFFFFFFFF, 4));
    EXPECT_EQ(expectUnmatchedReturn(carryIn(impossible, false)), "");

    // A volume cut short: its boot sector claims 64 MiB, the medium ends 4 KiB after it.
    const fs::path whole = fatImage("whole.img");
    const fs::path cut = tmp_ / "cut.img";
    fs::copy_file(whole, cut);
    fs::resize_file(cut, kBoot + 4096);
    // Its boot sector is whole: its serial is read, the missing rest never is.
    const std::string serial = image::readVolumeId(whole.string());
    EXPECT_FALSE(serial.empty());
    EXPECT_EQ(expectUnmatchedReturn(carryIn(cut, false)), serial);
    expectNothingWrittenOutside();
}

// Root directory entries no file system tool would write: a name with ESC and a newline, "..",
// a name with "/", a file starting at a cluster past the volume and claiming 4 GiB, a loop in
// the FAT chain. Carry-in never lists or follows them.
TEST_F(CarryInHostileMediumTest, HostileDirectoryEntriesAreNeverFollowed) {
    const fs::path image = fatImage("entries.img");
    // FAT32 from mkfs.vfat: 32 reserved sectors, 2 FATs of `fatSectors`, root at cluster 2.
    std::ifstream in(image, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(kBoot + 36));
    unsigned char fat[4];
    in.read(reinterpret_cast<char*>(fat), 4);
    const uint64_t fatSectors = fat[0] | fat[1] << 8 | fat[2] << 16 | uint64_t{fat[3]} << 24;
    const uint64_t fatStart = kBoot + 32 * 512;
    const uint64_t root = fatStart + 2 * fatSectors * 512;
    auto entry = [](const std::string& name11, uint32_t cluster, uint32_t size) {
        std::string e = name11.substr(0, 11);
        e.resize(11, ' ');
        e += '\x20';                             // attributes: archive
        e += std::string(8, '\0');               // reserved, times, dates
        e += littleEndian(cluster >> 16, 2);     // cluster, high half
        e += std::string(4, '\0');               // write time and date
        e += littleEndian(cluster & 0xFFFF, 2);  // cluster, low half
        e += littleEndian(size, 4);
        return e;
    };
    patch(image, root,
          entry("\x1b[31m\nEVIL", 3, 100) + entry("..         ", 3, 100) +
              entry("A/B     TXT", 3, 100) + entry("OUTSIDE BIN", 0x0FFFFFF0, 0xFFFFFFFF) +
              entry("LOOP    BIN", 5, 1 << 20));
    patch(image, fatStart + 5 * 4, littleEndian(6, 4));  // cluster 5 → 6 → 5
    patch(image, fatStart + 6 * 4, littleEndian(5, 4));
    const auto result = carryIn(image, false);
    expectUnmatchedReturn(result);
    EXPECT_FALSE(records::entryText(result.second, "volume_id").empty())
        << "the boot sector is intact: its serial is read";
    expectNothingWrittenOutside();
}

// age headers planted on the medium: one whose recipient stanzas run on for 1.5 MB with no MAC
// line, one with the wrong version line, one cut off by the end of the medium. The crypto-erase
// destroys the two v1 headers (the never-ending one within its bounded window), leaves the v2
// line to the overwrite, and records the offsets; no age header survives.
TEST_F(CarryInHostileMediumTest, HostileAgeHeadersAreDestroyedWithinBoundsAndRecorded) {
    const fs::path image = fatImage("age.img");
    const uint64_t endless = 8u << 20, wrongVersion = 16u << 20, truncated = kSize - 512;
    std::string stanzas = kAgeMagic;
    while (stanzas.size() < 1500000) stanzas += "-> X25519 " + std::string(43, 'A') + "\n";
    patch(image, endless, stanzas);
    patch(image, wrongVersion, "age-encryption.org/v2\n-> X25519 AAAA\n--- AAAA\n");
    patch(image, truncated, std::string(kAgeMagic) + "-> X25519 " + std::string(470, 'B'));
    // The wipe alone, on a copy: the never-ending header is overwritten for its first 64 KiB
    // (the bound of a header) and no further.
    const fs::path copy = tmp_ / "age-copy.img";
    fs::copy_file(image, copy);
    const image::HeaderWipeResult wiped = image::destroyAgeHeaders(copy.string());
    EXPECT_EQ(wiped.offsets, (std::vector<uint64_t>{endless, truncated}));
    {
        std::ifstream in(copy, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        EXPECT_EQ(bytes.substr(endless, 64 * 1024).find("age-encryption.org/"), std::string::npos);
        EXPECT_NE(bytes.substr(endless, 64 * 1024), stanzas.substr(0, 64 * 1024));
        EXPECT_EQ(bytes.substr(endless + 64 * 1024, stanzas.size() - 64 * 1024),
                  stanzas.substr(64 * 1024));
    }
    fs::remove(copy);

    const auto [outcome, entry] = carryIn(image, true);
    EXPECT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
    EXPECT_EQ(records::entryText(entry, "kind"), "carry-in");
    EXPECT_EQ(records::entryText(entry, "crypto_erase"), "done");
    EXPECT_EQ(records::entryIntegerOr(entry, "headers_destroyed", -1), 2);
    EXPECT_EQ(records::entryText(entry, "header_offsets"),
              std::to_string(endless) + "," + std::to_string(truncated));
    std::ifstream in(image, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    EXPECT_TRUE(offsetsOf(bytes, "age-encryption.org/").empty());
    expectNothingWrittenOutside();
}

}  // namespace
}  // namespace massho::operations
