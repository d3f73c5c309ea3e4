// Power loss (CTest label `crash`), not a process kill: the data directory lives on ext4 on a
// disk whose write cache is volatile (testsupport::PowerCutDisk: nbdkit's cache filter keeps
// every write until an fsync flushes it). While `massho media add` runs again and again, the
// power is cut at a random moment: everything not flushed is gone, as from a real disk's cache.
// Then the disk comes back, the file system replays its journal, and every entry that `massho`
// reported as recorded must be there, at the index it reported, with `register verify` and
// `media check` passing and work going on.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/power_cut_disk.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::testing {
namespace {

namespace fs = std::filesystem;
using testsupport::CommandResult;
using testsupport::runCommand;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr int kPowerCuts = 4;
constexpr const char* kAdminPassword = "admin-passphrase-1";
constexpr const char* kOperatorPassword = "operator-passphrase-1";

class PowerLossTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::PowerCutDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        disk_ = std::make_unique<testsupport::PowerCutDisk>(tmp_.path(), 64 * kMiB);
        const CommandResult mkfs =
            runCommand({"mkfs.ext4", "-q", "-F", "-E",
                        "nodiscard,lazy_itable_init=0,lazy_journal_init=0", disk_->path()});
        ASSERT_EQ(mkfs.exitCode, 0) << mkfs.err;
        fs::create_directories(mountPoint());
        mount();
        auto init = massho({"init", "--origin", "test.massho.example/power", "--admin", "admin",
                            "--name", "Admin", "--password-stdin"},
                           std::string(kAdminPassword) + "\n");
        ASSERT_EQ(init.exitCode, 0) << init.err;
        auto add = massho({"user", "add", "sato", "--role", "operator", "--name", "Sato", "--as",
                           "admin", "--password-stdin"},
                          std::string(kAdminPassword) + "\n" + kOperatorPassword + "\n");
        ASSERT_EQ(add.exitCode, 0) << add.err;
    }
    void TearDown() override {
        if (mounted_) unmount();
        disk_.reset();
    }

    fs::path mountPoint() const { return tmp_ / "mnt"; }
    std::string dataDir() const { return (mountPoint() / "data").string(); }

    // ext4 with a 5-minute commit interval: only an fsync makes anything durable in the test.
    void mount() {
        const CommandResult r =
            runCommand({"mount", "-o", "commit=300", disk_->path(), mountPoint().string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        mounted_ = true;
    }
    void unmount() {
        if (runCommand({"umount", mountPoint().string()}).exitCode != 0)
            runCommand({"umount", "-l", mountPoint().string()});
        mounted_ = false;
    }

    CommandResult massho(std::vector<std::string> args, const std::string& input = {}) const {
        args.insert(args.begin(), {MASSHO_CLI, "--data-dir", dataDir()});
        return runCommand(args, input);
    }

    // `media add TAG` until `stop`; each one reported recorded goes into `reported_` (tag → index).
    void addMediaUntil(const std::atomic<bool>& stop, const std::string& prefix) {
        const std::regex recorded("([0-9]+)\n");
        for (int i = 0; !stop.load(); ++i) {
            const std::string tag = prefix + "-" + std::to_string(i);
            const CommandResult r =
                massho({"media", "add", tag, "--class", "2", "--serial", "SN-" + tag, "--model",
                        "Power Disk", "--type", "hdd", "--as", "sato", "--password-stdin"},
                       std::string(kOperatorPassword) + "\n");
            // Recorded: exit 0 and the entry's index alone on standard output.
            std::smatch m;
            if (r.exitCode != 0 || !std::regex_match(r.out, m, recorded)) continue;
            std::lock_guard lock(reportedMutex_);
            reported_[tag] = std::stol(m[1].str());
        }
    }

    // All register entries (`register show --json`).
    std::vector<QJsonObject> entries() const {
        const CommandResult r = massho({"register", "show", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::vector<QJsonObject> out;
        for (const auto& v : QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array())
            out.push_back(v.toObject());
        return out;
    }

    testsupport::TempDir tmp_;
    std::unique_ptr<testsupport::PowerCutDisk> disk_;
    bool mounted_ = false;
    std::mutex reportedMutex_;
    std::map<std::string, long> reported_;
};

TEST_F(PowerLossTest, EveryReportedEntrySurvivesLosingTheUnsyncedWrites) {
    // A fixed seed on purpose: the same cut times every run, so that a failure can be repeated.
    std::mt19937 rng(20261202);  // NOLINT(cert-msc51-cpp)
    std::uniform_int_distribution<int> cutAfterMs(500, 6000);
    int lostMarkers = 0;
    for (int cut = 0; cut < kPowerCuts; ++cut) {
        std::atomic<bool> stop{false};
        std::thread adding([&] { addMediaUntil(stop, "P" + std::to_string(cut)); });
        std::this_thread::sleep_for(std::chrono::milliseconds(cutAfterMs(rng)));
        // Written and never synced, just before the power goes: it must not survive, or the
        // disk kept what it was not asked to keep and the test proves nothing.
        std::ofstream(mountPoint() / ("unsynced-" + std::to_string(cut)))
            << std::string(64 * 1024, 'u');
        disk_->cutPower();
        stop = true;
        adding.join();
        unmount();
        disk_->powerOn();
        mount();

        lostMarkers += !fs::exists(mountPoint() / ("unsynced-" + std::to_string(cut))) ||
                       fs::file_size(mountPoint() / ("unsynced-" + std::to_string(cut))) == 0;
        const CommandResult verify = massho({"register", "verify"});
        ASSERT_EQ(verify.exitCode, 0) << "after power cut " << cut << ":\n"
                                      << verify.out << verify.err;
        const auto all = entries();
        std::lock_guard lock(reportedMutex_);
        for (const auto& [tag, index] : reported_) {
            ASSERT_LT(static_cast<size_t>(index), all.size())
                << tag << " was reported as entry " << index << " and is gone after power cut "
                << cut;
            EXPECT_EQ(all[static_cast<size_t>(index)]["asset"].toString().toStdString(), tag)
                << "entry " << index << " after power cut " << cut;
        }
        const CommandResult check = massho({"media", "check"});
        EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    }
    std::printf(
        "power loss: %d cuts, %zu entries reported recorded and all found, %d of %d "
        "unsynced files lost\n",
        kPowerCuts, reported_.size(), lostMarkers, kPowerCuts);
    EXPECT_EQ(lostMarkers, kPowerCuts) << "the power cut kept writes that were never synced";
    EXPECT_GE(reported_.size(), static_cast<size_t>(kPowerCuts)) << "too few acts between cuts";
    // Work goes on after the last cut.
    const CommandResult after =
        massho({"media", "add", "AFTER-1", "--class", "2", "--serial", "SN-AFTER", "--model",
                "Power Disk", "--type", "hdd", "--as", "sato", "--password-stdin"},
               std::string(kOperatorPassword) + "\n");
    EXPECT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(massho({"register", "verify"}).exitCode, 0);
}

}  // namespace
}  // namespace massho::testing
