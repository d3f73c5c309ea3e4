// Real I/O errors: an nbdkit shell plugin that fails chosen byte ranges with EIO, exported as a
// file by nbdfuse, then a /dev/loopN (direct I/O, so sector-sized requests reach the plugin)
// over that file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "erase_fixtures.h"
#include "massho/erase/erasure.h"
#include "massho/testsupport/command.h"

namespace massho::erase {
namespace {

constexpr uint64_t kSize = 8u << 20;

bool haveTool(const std::string& name) {
    return testsupport::runCommand({"sh", "-c", "command -v " + name}).exitCode == 0;
}

// A disk whose writes fail in `badWrite` and whose reads fail in `badRead`.
class FaultyDisk {
  public:
    FaultyDisk(ByteRange badWrite, ByteRange badRead) {
        image_ = (dir_ / "image").string();
        test::writeFilledFile(image_, kSize, 0x77);
        writeScript(badWrite, badRead);
        mountDir_ = (dir_ / "fuse").string();
        std::filesystem::create_directories(mountDir_);
        startNbdfuse();
        loop_ = std::make_unique<testsupport::LoopDevice>(
            mountDir_ + "/disk", testsupport::LoopOptions{.directIo = true});
    }
    ~FaultyDisk() {
        loop_.reset();  // losetup -d
        testsupport::runCommand({"fusermount3", "-u", mountDir_});
        if (pid_ > 0) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == 0) {
                kill(pid_, SIGTERM);
                waitpid(pid_, &status, 0);
            }
        }
    }
    const std::string& path() const { return loop_->path(); }
    std::vector<uint8_t> image() const { return test::readFile(image_); }

  private:
    void writeScript(ByteRange w, ByteRange r) {
        script_ = (dir_ / "plugin.sh").string();
        std::ofstream s(script_);
        s << "#!/bin/sh\n"
          << "IMG='" << image_ << "'\n"
          << "overlaps() { [ $(($4 + $3)) -gt $1 ] && [ $4 -lt $2 ]; }\n"
          << "case \"$1\" in\n"
          << "  get_size) stat -Lc %s \"$IMG\" ;;\n"
          << "  can_write|can_flush) exit 0 ;;\n"
          << "  flush) sync \"$IMG\" ;;\n"
          << "  pread)\n"
          << "    if overlaps " << r.offset << " " << r.end() << " \"$3\" \"$4\"; then\n"
          << "      echo 'EIO injected read error' >&2; exit 1; fi\n"
          << "    exec dd if=\"$IMG\" skip=$4 count=$3 iflag=count_bytes,skip_bytes status=none "
             ";;\n"
          << "  pwrite)\n"
          << "    if overlaps " << w.offset << " " << w.end() << " \"$3\" \"$4\"; then\n"
          << "      cat >/dev/null; echo 'EIO injected write error' >&2; exit 1; fi\n"
          << "    exec dd of=\"$IMG\" seek=$4 conv=notrunc oflag=seek_bytes status=none ;;\n"
          << "  *) exit 2 ;;\n"
          << "esac\n";
        s.close();
        chmod(script_.c_str(), 0755);
    }
    void startNbdfuse() {
        pid_ = fork();
        if (pid_ == 0) {
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 2);  // nbdkit logs every injected error
            execlp("nbdfuse", "nbdfuse", (mountDir_ + "/disk").c_str(), "--command", "nbdkit", "-s",
                   "sh", script_.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 100; ++i) {
            struct stat st {};
            if (stat((mountDir_ + "/disk").c_str(), &st) == 0 &&
                static_cast<uint64_t>(st.st_size) == kSize) {
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw std::runtime_error("nbdfuse did not export the disk");
    }

    testsupport::TempDir dir_;
    std::string image_, script_, mountDir_;
    pid_t pid_ = -1;
    std::unique_ptr<testsupport::LoopDevice> loop_;
};

// The tools are packages install-deps installs: missing ones fail the test, never skip it.
#define REQUIRE_NBD_TOOLS()                                                                    \
    do {                                                                                       \
        MASSHO_REQUIRE_LOOP_DEVICES();                                                         \
        if (!haveTool("nbdkit") || !haveTool("nbdfuse") || !haveTool("fusermount3"))           \
            FAIL() << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps"; \
    } while (0)

// Five 512-byte sectors, not page aligned, in the middle of the device.
constexpr ByteRange kBad{(3u << 20) + 1536, 5 * 512};
constexpr ByteRange kNothing{kSize * 2, 1};

TEST(MediaErrors, UnwritableSectorsFailTheJobAndEverythingElseIsWritten) {
    REQUIRE_NBD_TOOLS();
    FaultyDisk disk(kBad, kNothing);
    auto options = test::optionsFor("zero");
    const Report r = test::erase(disk.path(), options);
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_NE(r.failureReason.find("could not be written"), std::string::npos) << r.failureReason;
    EXPECT_EQ(r.errorRanges, std::vector<ByteRange>{kBad});
    ASSERT_EQ(r.passes.size(), 1u);
    EXPECT_EQ(r.passes[0].errors, std::vector<ByteRange>{kBad});
    EXPECT_EQ(r.passes[0].bytesWritten, kSize - kBad.length);
    const auto image = disk.image();
    ASSERT_EQ(image.size(), kSize);
    for (uint64_t i = 0; i < kSize; ++i) {
        const bool bad = i >= kBad.offset && i < kBad.end();
        ASSERT_EQ(image[i], bad ? 0x77 : 0x00) << "byte " << i;
    }
}

TEST(MediaErrors, UnreadableSectorsFailTheVerification) {
    REQUIRE_NBD_TOOLS();
    FaultyDisk disk(kNothing, kBad);
    auto options = test::optionsFor("zero");
    options.verify = VerifyMode::Full;
    const Report r = test::erase(disk.path(), options);
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.verifyResult, VerifyResult::Failed);
    EXPECT_EQ(r.errorRanges, std::vector<ByteRange>{kBad});
    EXPECT_TRUE(r.passes.at(0).errors.empty());
    EXPECT_EQ(r.bytesVerified, kSize - kBad.length);
    EXPECT_FALSE(r.firstMismatchOffset.has_value());
    EXPECT_NE(r.failureReason.find("could not be read"), std::string::npos) << r.failureReason;
}

}  // namespace
}  // namespace massho::erase
