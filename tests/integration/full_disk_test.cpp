// The data directory's filesystem full during an append: the act fails with the reason, nothing
// is half-written, the register still verifies, and work resumes once space returns.
#include <sys/mount.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "cli_fixture.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;

constexpr uint64_t kMiB = 1024 * 1024;

// A CliTest whose data directory is a 16 MiB tmpfs of its own, so that it can be filled.
class FullDiskTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();  // root: needed for mount(2) too
        std::filesystem::create_directories(dataDir());
        ASSERT_EQ(::mount("massho-test", dataDir().c_str(), "tmpfs", 0, "size=16m,mode=0700"), 0)
            << std::strerror(errno);
        mounted_ = true;
        CliTest::SetUp();
    }
    void TearDown() override {
        if (mounted_) ::umount2(dataDir().c_str(), MNT_DETACH);
    }

    // Writes a filler file until the filesystem refuses another byte.
    void fillTheDisk() {
        std::ofstream filler(filler_(), std::ios::binary);
        const std::vector<char> block(4096, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) &&
               filler.flush()) {
        }
        // One byte at a time for the last partial page.
        filler.clear();
        while (filler.put('x') && filler.flush()) {
        }
    }
    void freeTheDisk() { std::filesystem::remove(filler_()); }
    std::string filler_() const { return dataDir() + "/filler"; }

    std::string userAddInput() const {
        return std::string(kAdminPassword) + "\n" + "tanaka-passphrase-9\n";
    }
    std::vector<std::string> userAdd() const {
        return {"user",         "add",  "tanaka", "--role",
                "data-manager", "--as", "admin",  "--password-stdin"};
    }

    bool mounted_ = false;
};

TEST_F(FullDiskTest, AppendOnAFullDiskFailsCleanlyAndResumesWhenSpaceReturns) {
    const size_t before = entries().size();
    fillTheDisk();

    auto refused = massho(userAdd(), userAddInput());
    EXPECT_EQ(refused.exitCode, 1) << refused.err;
    EXPECT_NE(refused.err.find("is full: nothing was recorded; free space on it and try again"),
              std::string::npos)
        << refused.err;
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;

    // Nothing half-written: the register is the same, and still verifies (read-only).
    auto verify = massho({"register", "verify"});
    EXPECT_EQ(verify.exitCode, 0) << verify.err << verify.out;
    EXPECT_EQ(entries().size(), before);

    freeTheDisk();
    auto added = massho(userAdd(), userAddInput());
    ASSERT_EQ(added.exitCode, 0) << added.err;
    auto all = entries();
    ASSERT_EQ(all.size(), before + 1);
    EXPECT_EQ(all.back()["kind"], "user-created");
    EXPECT_EQ(all.back()["id"], "tanaka");
    auto again = massho({"register", "verify"});
    EXPECT_EQ(again.exitCode, 0) << again.err << again.out;
}

TEST_F(FullDiskTest, ErasureIsNotStartedWhenItCannotBeRecorded) {
    LoopDevice dev(tmp_ / "full.img", 4 * kMiB);
    const std::vector<uint8_t> marker(4096, 0x5a);
    dev.writeAt(0, marker);
    const size_t before = entries().size();
    fillTheDisk();

    auto r = massho({"erase", dev.path(), "--method", "zero", "--purpose", "reuse", "--class", "3",
                     "--asset", "T-FULL", "--as", "sato", "--password-stdin"},
                    std::string(kOperatorPassword) + "\n");
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("is full: nothing was recorded; free space on it and try again"),
              std::string::npos)
        << r.err;
    auto content = dev.readAll();
    EXPECT_TRUE(std::equal(marker.begin(), marker.end(), content.begin()))
        << "the device was written although the erasure could not be recorded";

    freeTheDisk();
    EXPECT_EQ(entries().size(), before);
    EXPECT_EQ(massho({"register", "verify"}).exitCode, 0);
}

}  // namespace
}  // namespace massho::testing
