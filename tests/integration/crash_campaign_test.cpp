// The crash campaign (CTest label `crash`): `massho` killed with SIGKILL at 200 random points
// across erasure, carry-out, carry-in with crypto-erase, media acts, certificate issue and user
// administration (each of them register appends). After it: the register verifies, the media ledger
// matches the register, and every started erasure and carry-out is closed by exactly one entry
// (done, failed or interrupted) — nothing claims to have finished that was killed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QJsonObject>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "cli_fixture.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr int kKillPoints = 200;
constexpr const char* kOfficerPassword = "officer-passphrase-1";

// Runs MASSHO_CLI with `args` and `input` on stdin, and sends SIGKILL after `delay` unless it has
// ended by then. Returns true when the process was killed (rather than ending by itself).
bool runAndKill(const std::vector<std::string>& args, const std::string& input,
                std::chrono::milliseconds delay) {
    int in[2];
    if (pipe(in) != 0) return false;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        close(in[1]);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        std::vector<char*> argv;
        argv.reserve(args.size() + 1);
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in[0]);
    if (write(in[1], input.data(), input.size()) < 0) {
        // The child may already be gone; the kill below still reaps it.
    }
    close(in[1]);
    const auto until = std::chrono::steady_clock::now() + delay;
    int status = 0;
    while (std::chrono::steady_clock::now() < until) {
        if (waitpid(pid, &status, WNOHANG) == pid) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

class CrashCampaignTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        CliTest::SetUp();
        auto add = massho({"user", "add", "kimura", "--role", "records-officer", "--as", "admin",
                           "--password-stdin"},
                          std::string(kAdminPassword) + "\n" + kOfficerPassword + "\n");
        ASSERT_EQ(add.exitCode, 0) << add.err;
        sources_ = tmp_ / "share";
        writeFile(sources_ / "records" / "名簿.csv", "1,住民,2026\n");
        writeFile(sources_ / "records" / "big.bin", std::string(2 * kMiB, 'x'));
        writeFile(fs::path(dataDir()) / "carryout-sources", sources_.string() + "\n");
        auto keygen = runCommand({"age-keygen", "-o", (tmp_ / "office.key").string()});
        ASSERT_EQ(keygen.exitCode, 0) << keygen.err;
        recipient_ = runCommand({"age-keygen", "-y", (tmp_ / "office.key").string()}).out;
        recipient_.erase(recipient_.find_last_not_of('\n') + 1);
    }

    std::vector<std::string> cli(std::vector<std::string> args) const {
        args.insert(args.begin(), {MASSHO_CLI, "--data-dir", dataDir()});
        return args;
    }
    std::vector<std::string> eraseArgs(const std::string& device) const {
        return cli({"erase", device, "--method", "zero", "--purpose", "reuse", "--class", "3",
                    "--asset", "T-CRASH", "--as", "sato", "--password-stdin"});
    }
    std::vector<std::string> carryOutArgs(const std::string& device) const {
        return cli({"carryout", device, "--file", (sources_ / "records").string(), "--recipient",
                    recipient_, "--class", "3", "--destination", "北区役所", "--asset", "USB-CRASH",
                    "--as", "sato", "--password-stdin"});
    }
    std::vector<std::string> carryInArgs(const std::string& device,
                                         bool cryptoErase = false) const {
        std::vector<std::string> args{"carryin", device, "--as", "sato", "--password-stdin"};
        if (cryptoErase) args.emplace_back("--crypto-erase");
        return cli(std::move(args));
    }
    std::string operatorLine() const { return std::string(kOperatorPassword) + "\n"; }

    // The index of the latest erasure that succeeded, or -1.
    long latestErasure() {
        auto all = entries();
        for (size_t i = all.size(); i-- > 0;)
            if (all[i]["kind"] == "erasure" && all[i]["result"] == "erased")
                return static_cast<long>(i);
        return -1;
    }

    struct Run {
        std::vector<std::string> args;
        std::string input;
    };
    // The act a kill point interrupts: 0 erasure, 1 media add, 2 certificate issue, 3 user add,
    // 4 carry-out (after bringing the stick back if the last carry-out reached the register),
    // 5 the stick's return with crypto-erase (headers destroyed, then the stick overwritten:
    // after bringing back what it held and carrying a package out on it again).
    Run actRun(int act, int i, const LoopDevice& stick) {
        const std::string n = std::to_string(i);
        switch (act) {
            case 0:
                return {eraseArgs(diskPath_), operatorLine()};
            case 1:
                return {
                    cli({"media", "add", "HDD-" + n, "--class", "2", "--serial", "S" + n, "--model",
                         "Crash Disk", "--type", "hdd", "--as", "sato", "--password-stdin"}),
                    operatorLine()};
            case 2:
                return {cli({"certificate", std::to_string(latestErasure()), "--pdf",
                             (tmp_ / ("cert-" + n + ".pdf")).string(), "--as", "kimura",
                             "--password-stdin"}),
                        std::string(kOfficerPassword) + "\n"};
            case 3:
                return {cli({"user", "add", "u" + n, "--role", "auditor", "--as", "admin",
                             "--password-stdin"}),
                        std::string(kAdminPassword) + "\nauditor-passphrase-" + n + "\n"};
            case 4:
                runCommand(carryInArgs(stick.path()), operatorLine());
                return {carryOutArgs(stick.path()), operatorLine()};
            default:
                runCommand(carryInArgs(stick.path()), operatorLine());
                runCommand(carryOutArgs(stick.path()), operatorLine());
                return {carryInArgs(stick.path(), true), operatorLine()};
        }
    }

    fs::path sources_;
    std::string recipient_;
    std::string diskPath_;
};

TEST_F(CrashCampaignTest, KilledAtTwoHundredPointsNothingIsLostOrClaimed) {
    LoopDevice disk(tmp_ / "disk.img", 8 * kMiB);
    LoopDevice stick(tmp_ / "stick.img", 64 * kMiB);
    diskPath_ = disk.path();
    // One erasure that succeeds, so that certificates have something to certify.
    ASSERT_EQ(runCommand(eraseArgs(disk.path()), operatorLine()).exitCode, 0);

    // Kill points are drawn over each act's own duration, measured here once, so that they fall
    // inside the run on a fast machine and a slow one alike.
    constexpr int kActs = 6;
    std::array<std::chrono::milliseconds, kActs> duration{};
    for (int act = 0; act < kActs; ++act) {
        const Run run = actRun(act, 1000 + act, stick);
        const auto start = std::chrono::steady_clock::now();
        runCommand(run.args, run.input);
        duration[act] = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
    }
    // A fixed seed on purpose: the same kill points every run, so that a failure can be repeated.
    std::mt19937 rng(20261202);  // NOLINT(cert-msc51-cpp)
    int killed = 0;
    for (int i = 0; i < kKillPoints; ++i) {
        const int act = i % kActs;
        const Run run = actRun(act, i, stick);
        std::uniform_int_distribution<long> delayMs(0, duration[act].count());
        killed += runAndKill(run.args, run.input, std::chrono::milliseconds(delayMs(rng)));
    }
    std::printf("crash campaign: %d of %d runs killed mid-flight\n", killed, kKillPoints);

    // The next jobs account for the dead ones.
    auto erase = runCommand(eraseArgs(disk.path()), operatorLine());
    EXPECT_EQ(erase.exitCode, 0) << erase.err;
    runCommand(carryInArgs(stick.path()), operatorLine());
    auto carry = runCommand(carryOutArgs(stick.path()), operatorLine());
    EXPECT_EQ(carry.exitCode, 0) << carry.err;

    auto verify = massho({"register", "verify"});
    EXPECT_EQ(verify.exitCode, 0) << verify.err << verify.out;
    auto check = massho({"media", "check"});
    EXPECT_EQ(check.exitCode, 0) << check.err << check.out;

    // Every started job is closed by exactly one entry, and nothing killed claims success.
    const auto all = entries();
    std::map<long, int> closedBy;
    std::map<std::string, int> results;
    for (const auto& e : all) {
        const QString kind = e["kind"].toString();
        if ((kind == "erasure" || kind == "carry-out") && e.contains("started_entry")) {
            ++closedBy[e["started_entry"].toInteger()];
            ++results[(kind + " " + e["result"].toString()).toStdString()];
        }
    }
    int started = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        const QString kind = all[i]["kind"].toString();
        if (kind != "erasure-started" && kind != "carry-out-started") continue;
        ++started;
        EXPECT_EQ(closedBy[static_cast<long>(i)], 1)
            << kind.toStdString() << " entry " << i << " is closed by "
            << closedBy[static_cast<long>(i)] << " entries";
    }
    for (const auto& [result, n] : results) std::printf("  %-28s %d\n", result.c_str(), n);
    std::printf("  started jobs: %d, entries: %zu\n", started, all.size());
    EXPECT_GT(results["erasure interrupted"], 0) << "some erasure must have been killed mid-run";
    EXPECT_GT(results["carry-out interrupted"], 0)
        << "some carry-out must have been killed mid-run";
    // A killed return leaves its carry-out open, and a later return closes it: each carry-out
    // that was written is returned at most once.
    std::map<long, int> returns;
    for (const auto& e : all)
        if (e["kind"] == "carry-in" && e.contains("carry_out_index"))
            ++returns[e["carry_out_index"].toInteger()];
    for (const auto& [carryOut, n] : returns)
        EXPECT_EQ(n, 1) << "carry-out entry " << carryOut << " was returned " << n << " times";
    EXPECT_GT(returns.size(), 0u) << "no carry-in was recorded";
}

}  // namespace
}  // namespace massho::testing
