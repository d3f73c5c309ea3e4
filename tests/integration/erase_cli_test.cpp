// `massho erase` end to end: real binary, real loop devices, real register.
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QJsonDocument>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "cli_fixture.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;
using testsupport::LoopOptions;

constexpr uint64_t kMiB = 1024 * 1024;

std::vector<uint8_t> randomBytes(size_t n) {
    std::vector<uint8_t> bytes(n);
    // A fixed seed on purpose: the same bytes every run, so that a failure can be repeated.
    std::mt19937_64 rng(42);  // NOLINT(cert-msc51-cpp)
    for (auto& b : bytes) b = static_cast<uint8_t>(rng());
    return bytes;
}

bool allZero(const std::vector<uint8_t>& bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
}

// A `massho erase --method gutmann` running in the background, long enough on 128 MiB to be
// interrupted: started() returns once the job announced itself ("erasing …" on stderr). A job
// still running when the test ends (a failed assertion) is killed and reaped.
class BackgroundErase {
  public:
    BackgroundErase(const std::string& dataDir, const std::string& device, const std::string& asset,
                    const std::string& passwordLine) {
        int in[2], err[2];
        if (pipe(in) != 0 || pipe(err) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(err[1], 2);
            close(in[1]);
            close(err[0]);
            execl(MASSHO_CLI, MASSHO_CLI, "--data-dir", dataDir.c_str(), "erase", device.c_str(),
                  "--method", "gutmann", "--purpose", "reuse", "--class", "3", "--asset",
                  asset.c_str(), "--as", "sato", "--password-stdin", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(err[1]);
        err_ = err[0];
        const bool sent = write(in[1], passwordLine.data(), passwordLine.size()) ==
                          static_cast<ssize_t>(passwordLine.size());
        close(in[1]);
        if (!sent) return;
        while (stderr_.find("erasing") == std::string::npos && readSome()) {
        }
    }
    ~BackgroundErase() {
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (err_ >= 0) close(err_);
    }
    BackgroundErase(const BackgroundErase&) = delete;
    BackgroundErase& operator=(const BackgroundErase&) = delete;

    bool started() const { return pid_ > 0 && stderr_.find("erasing") != std::string::npos; }
    // Sends `signal` and waits for the process; returns its wait status. stderr is drained
    // meanwhile. The caller waits for the job's erasure-started entry first.
    int signalAndWait(int signal) {
        kill(pid_, signal);
        while (readSome()) {
        }
        int status = 0;
        waitpid(pid_, &status, 0);
        reaped_ = true;
        return status;
    }
    const std::string& stderrText() const { return stderr_; }

  private:
    bool readSome() {
        char buf[256];
        ssize_t n = read(err_, buf, sizeof buf);
        if (n <= 0) return false;
        stderr_.append(buf, static_cast<size_t>(n));
        return true;
    }
    pid_t pid_ = -1;
    bool reaped_ = false;
    int err_ = -1;
    std::string stderr_;
};

class EraseCliTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        CliTest::SetUp();
    }

    std::vector<std::string> eraseArgs(const std::string& device, const std::string& method,
                                       const std::string& as = "sato") {
        return {"erase", device,    "--method", method, "--purpose", "reuse",           "--class",
                "3",     "--asset", "T-0001",   "--as", as,          "--password-stdin"};
    }
    std::string operatorLine() const { return std::string(kOperatorPassword) + "\n"; }
    // Polls the register (read-only) for up to 30 s until the erasure-started entry of `asset`
    // is there: from then on the job is in its passes with its cancel handler installed.
    bool startedEntryAppears(const std::string& asset) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        do {
            const auto all = entries();
            if (std::any_of(all.begin(), all.end(), [&](const QJsonObject& e) {
                    return e["kind"] == "erasure-started" &&
                           e["asset"] == QString::fromStdString(asset);
                }))
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } while (std::chrono::steady_clock::now() < deadline);
        return false;
    }

    // One clear line on stderr, as massho(1) promises for every non-zero exit.
    static void expectOneLine(const testsupport::CommandResult& r) {
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    size_t erasureCount() {
        auto all = entries();
        return static_cast<size_t>(std::count_if(
            all.begin(), all.end(), [](const QJsonObject& e) { return e["kind"] == "erasure"; }));
    }
};

TEST_F(EraseCliTest, ZeroLeavesZerosAndRecordsOneEntry) {
    LoopDevice dev(tmp_ / "zero.img", 16 * kMiB);
    dev.writeAt(0, randomBytes(16 * kMiB));

    auto args = eraseArgs(dev.path(), "zero");
    args.insert(args.end(), {"--verify", "full"});
    auto r = massho(args, operatorLine());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(allZero(dev.readAll()));

    const long index = std::stol(r.out);
    QJsonObject e = entry(index);
    EXPECT_EQ(e["kind"], "erasure");
    EXPECT_EQ(e["result"], "erased");
    EXPECT_EQ(e["operator"], "sato");
    EXPECT_EQ(e["method"], "zero");
    EXPECT_EQ(e["device_transport"], "loop");
    EXPECT_EQ(e["device_size"].toInteger(), static_cast<qint64>(16 * kMiB));
    EXPECT_EQ(e["bytes_written"].toInteger(), static_cast<qint64>(16 * kMiB));
    EXPECT_EQ(e["verify_mode"], "full");
    EXPECT_EQ(e["verify_result"], "passed");
    EXPECT_EQ(e["verify_bytes"].toInteger(), static_cast<qint64>(16 * kMiB));
    EXPECT_EQ(e["error_ranges"], "");
    EXPECT_EQ(e["purpose"], "reuse");
    EXPECT_EQ(e["class"].toInteger(), 3);
    EXPECT_EQ(e["asset"], "T-0001");
    EXPECT_EQ(e["salt"].toString().size(), 32);

    // `register show INDEX` prints the stored bytes and nothing else.
    auto shown = massho({"register", "show", std::to_string(index)});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_EQ(shown.out.front(), '{');
    EXPECT_EQ(shown.out.back(), '}');
}

TEST_F(EraseCliTest, RandomThenBlankLeavesZeros) {
    LoopDevice dev(tmp_ / "blank.img", 8 * kMiB);
    auto args = eraseArgs(dev.path(), "random");
    args.push_back("--blank");
    auto r = massho(args, operatorLine());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(allZero(dev.readAll()));
    EXPECT_EQ(entry(std::stol(r.out))["pass_count"].toInteger(), 2);
}

TEST_F(EraseCliTest, JsonOutputNamesIndexAndResult) {
    LoopDevice dev(tmp_ / "json.img", 4 * kMiB);
    auto args = eraseArgs(dev.path(), "zero");
    args.push_back("--json");
    auto r = massho(args, operatorLine());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
    EXPECT_EQ(doc["result"], "erased");
    EXPECT_EQ(entry(doc["index"].toInteger())["result"], "erased");
}

TEST_F(EraseCliTest, UnknownMethodIsBadInputAndTouchesNothing) {
    LoopDevice dev(tmp_ / "m.img", 4 * kMiB);
    const auto before = randomBytes(4 * kMiB);
    dev.writeAt(0, before);
    const size_t entriesBefore = entries().size();

    auto r = massho(eraseArgs(dev.path(), "shred-it-all"), operatorLine());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "massho: unknown method 'shred-it-all': 'massho methods' lists them\n");
    expectOneLine(r);
    EXPECT_EQ(entries().size(), entriesBefore);
    EXPECT_EQ(dev.readAll(), before);
}

TEST_F(EraseCliTest, WrongPasswordIsRefusedAndRecordedWithoutThePassword) {
    LoopDevice dev(tmp_ / "pw.img", 4 * kMiB);
    const auto before = randomBytes(4 * kMiB);
    dev.writeAt(0, before);

    auto r = massho(eraseArgs(dev.path(), "zero"), "not-the-password-42\n");
    EXPECT_EQ(r.exitCode, 3);
    expectOneLine(r);
    EXPECT_EQ(dev.readAll(), before);
    EXPECT_EQ(erasureCount(), 0u);

    const QJsonObject failed = entries().back();
    EXPECT_EQ(failed["kind"], "login-failed");
    EXPECT_EQ(failed["id"], "sato");
    EXPECT_EQ(failed["reason"], "wrong-password");
    auto all = massho({"register", "show"});
    EXPECT_EQ(all.out.find("not-the-password-42"), std::string::npos);
}

TEST_F(EraseCliTest, UnknownUserIsRefused) {
    LoopDevice dev(tmp_ / "u.img", 4 * kMiB);
    auto r = massho(eraseArgs(dev.path(), "zero", "nobody"), operatorLine());
    EXPECT_EQ(r.exitCode, 3);
    expectOneLine(r);
    EXPECT_EQ(erasureCount(), 0u);
}

TEST_F(EraseCliTest, AdministratorWithoutOperatorRoleIsRefused) {
    LoopDevice dev(tmp_ / "role.img", 4 * kMiB);
    auto r = massho(eraseArgs(dev.path(), "zero", "admin"), std::string(kAdminPassword) + "\n");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err,
              "massho: 'admin' does not hold the operator role that 'massho erase' needs; ask an "
              "administrator\n");
    EXPECT_EQ(erasureCount(), 0u);
}

TEST_F(EraseCliTest, RegularFileAndMissingPathAreBadInput) {
    const auto file = tmp_ / "not-a-disk.bin";
    std::ofstream(file) << "hello";
    auto r = massho(eraseArgs(file.string(), "zero"), operatorLine());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    expectOneLine(r);
    std::ifstream in(file);
    std::string content;
    in >> content;
    EXPECT_EQ(content, "hello");

    // A device that vanished between listing and erasing.
    auto gone = massho(eraseArgs("/dev/loop-vanished-999", "zero"), operatorLine());
    EXPECT_EQ(gone.exitCode, 2) << gone.err;
    expectOneLine(gone);
    EXPECT_EQ(erasureCount(), 0u);
}

TEST_F(EraseCliTest, ReadOnlyDeviceIsRefused) {
    const auto image = tmp_ / "ro.img";
    {
        LoopDevice writer(image, 4 * kMiB);
        writer.writeAt(0, randomBytes(4 * kMiB));
    }
    LoopOptions ro;
    ro.readOnly = true;
    LoopDevice dev(image, ro);
    auto r = massho(eraseArgs(dev.path(), "zero"), operatorLine());
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_EQ(r.err, "massho: refusing to erase " + dev.path() + ": " + dev.path() +
                         " is read-only; clear its write protection (switch, blockdev --setrw) "
                         "and try again\n");
    EXPECT_EQ(dev.readAll(), randomBytes(4 * kMiB));
    EXPECT_EQ(erasureCount(), 0u);
}

TEST_F(EraseCliTest, MountedDeviceIsRefused) {
    LoopDevice dev(tmp_ / "mnt.img", 32 * kMiB);
    testsupport::runChecked({"mkfs.ext4", "-q", "-F", dev.path()});
    const auto mountPoint = tmp_ / "mnt";
    std::filesystem::create_directories(mountPoint);
    ASSERT_EQ(::mount(dev.path().c_str(), mountPoint.c_str(), "ext4", 0, nullptr), 0)
        << strerror(errno);
    struct Unmount {
        std::string at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mountPoint.string()};
    std::ofstream(mountPoint / "keep.txt") << "still here";

    auto r = massho(eraseArgs(dev.path(), "zero"), operatorLine());
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_EQ(r.err, "massho: refusing to erase " + dev.path() + ": " + dev.path() +
                         " is in use (mounted at " + mountPoint.string() +
                         "); unmount it and try again\n");
    std::ifstream keep(mountPoint / "keep.txt");
    std::string content;
    std::getline(keep, content);
    EXPECT_EQ(content, "still here");
    EXPECT_EQ(erasureCount(), 0u);
}

// SIGINT in the middle of a long method: the job stops at the next chunk and is recorded as
// cancelled, never as erased; the exit code says it failed.
TEST_F(EraseCliTest, SigintCancelsTheJobAndIsRecordedAsCancelled) {
    LoopDevice dev(tmp_ / "cancel.img", 128 * kMiB);
    BackgroundErase job(dataDir(), dev.path(), "T-9", operatorLine());
    ASSERT_TRUE(job.started()) << job.stderrText();
    ASSERT_TRUE(startedEntryAppears("T-9"))
        << "no erasure-started entry for T-9 within 30 s: " << job.stderrText();
    const int status = job.signalAndWait(SIGINT);
    ASSERT_TRUE(WIFEXITED(status)) << job.stderrText();
    EXPECT_EQ(WEXITSTATUS(status), 1) << job.stderrText();

    auto all = entries();
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.back()["kind"], "erasure");
    EXPECT_EQ(all.back()["result"], "cancelled");
    EXPECT_EQ(all.back()["nist_level"], "none");
    EXPECT_LT(all.back()["bytes_written"].toInteger(), static_cast<qint64>(35 * 128 * kMiB));
}

// kill -9 (or a power cut) in the middle of a job: the register still shows that an erasure
// began, and the next erasure records it as interrupted — never as erased (Art. 16(3)).
TEST_F(EraseCliTest, KilledJobIsRecordedAsInterruptedByTheNextOne) {
    LoopDevice dev(tmp_ / "killed.img", 128 * kMiB);
    BackgroundErase job(dataDir(), dev.path(), "T-K", operatorLine());
    ASSERT_TRUE(job.started()) << job.stderrText();
    ASSERT_TRUE(startedEntryAppears("T-K"))
        << "no erasure-started entry for T-K within 30 s: " << job.stderrText();
    ASSERT_TRUE(WIFSIGNALED(job.signalAndWait(SIGKILL))) << job.stderrText();

    auto all = entries();
    ASSERT_FALSE(all.empty());
    const QJsonObject started = all.back();
    EXPECT_EQ(started["kind"], "erasure-started");
    EXPECT_EQ(started["asset"], "T-K");
    const qint64 startedIndex = static_cast<qint64>(all.size()) - 1;
    EXPECT_EQ(erasureCount(), 0u);

    LoopDevice next(tmp_ / "next.img", 4 * kMiB);
    auto r = massho(eraseArgs(next.path(), "zero"), operatorLine());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    all = entries();
    // The next job registers its medium in the ledger, then records the dead one: exactly one
    // interrupted erasure after the started entry.
    std::vector<QJsonObject> interruptions;
    for (size_t i = static_cast<size_t>(startedIndex) + 1; i < all.size(); ++i)
        if (all[i]["kind"] == "erasure" && all[i]["result"] == "interrupted")
            interruptions.push_back(all[i]);
    ASSERT_EQ(interruptions.size(), 1u);
    const QJsonObject interrupted = interruptions.front();
    EXPECT_EQ(interrupted["started_entry"].toInteger(), startedIndex);
    EXPECT_EQ(interrupted["asset"], "T-K");
    EXPECT_EQ(interrupted["device_path"], QString::fromStdString(dev.path()));
    EXPECT_EQ(interrupted["nist_level"], "none");
    // The new job names its own started entry, and only one interrupted entry was written.
    EXPECT_EQ(all.back()["result"], "erased");
    EXPECT_EQ(all.back()["started_entry"].toInteger(), static_cast<qint64>(all.size()) - 2);
    EXPECT_EQ(std::count_if(all.begin(), all.end(),
                            [](const QJsonObject& e) { return e["result"] == "interrupted"; }),
              1);
}

}  // namespace
}  // namespace massho::testing
