// A carry-out medium pulled out mid-write: a real /dev/loopN over an nbdkit export whose I/O
// starts failing with EIO (error filter + trigger file) while the package is being written.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include "class_three_carry_out.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/carryout_operation.h"
#include "massho/operations/erasure_job.h"
#include "massho/operations/job_journal.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
constexpr uint64_t kSize = 64u << 20;
constexpr const char* kMarker = "PULLED-PLAINTEXT-MARKER-51c2";

bool haveTool(const std::string& name) {
    return testsupport::runCommand({"sh", "-c", "command -v " + name}).exitCode == 0;
}

// nbdkit's file plugin behind the error filter: creating `trigger` makes every I/O fail (EIO).
class PullableDisk {
  public:
    explicit PullableDisk(const fs::path& dir) : dir_(dir) {
        image_ = dir_ / "image";
        trigger_ = dir_ / "pulled";
        fuse_ = dir_ / "fuse";
        fs::create_directories(fuse_);
        std::ofstream(image_).close();
        fs::resize_file(image_, kSize);
        pid_ = fork();
        if (pid_ == 0) {
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 2);
            execlp("nbdfuse", "nbdfuse", (fuse_ / "disk").c_str(), "--command", "nbdkit", "-s",
                   "--filter=error", "file", image_.c_str(), "error=EIO", "error-rate=100%",
                   ("error-file=" + trigger_.string()).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 100; ++i) {
            struct stat st {};
            if (stat((fuse_ / "disk").c_str(), &st) == 0 &&
                static_cast<uint64_t>(st.st_size) == kSize)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        loop_ = std::make_unique<testsupport::LoopDevice>(
            fuse_ / "disk", testsupport::LoopOptions{.directIo = true});
    }
    ~PullableDisk() {
        fs::remove(trigger_);
        loop_.reset();
        testsupport::runCommand({"fusermount3", "-u", fuse_.string()});
        if (pid_ > 0) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == 0) {
                kill(pid_, SIGTERM);
                waitpid(pid_, &status, 0);
            }
        }
    }
    const std::string& path() const { return loop_->path(); }
    void pull() const { std::ofstream(trigger_).close(); }
    std::string imageBytes() const {
        std::ifstream in(image_, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

  private:
    fs::path dir_, image_, trigger_, fuse_;
    pid_t pid_ = -1;
    std::unique_ptr<testsupport::LoopDevice> loop_;
};

TEST(CarryOutPulledTest, MediumPulledMidWriteFailsLoudlyAndLeavesNoPlaintext) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    if (!haveTool("nbdkit") || !haveTool("nbdfuse") || !haveTool("fusermount3"))
        FAIL() << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
    testsupport::TempDir tmp;
    auto store =
        records::Store::create(tmp / "data", "test/pulled", "admin", "Admin", "admin-passphrase-1");
    const fs::path share = tmp / "share";
    fs::create_directories(share);
    {
        std::ofstream f(share / "ledger.txt", std::ios::binary);
        for (int i = 0; i < 200000; ++i) f << kMarker << ' ' << i << '\n';  // ~6 MB
    }
    PullableDisk disk(tmp.path());

    CarryOutOperation operation(store.signedRegister(),
                                classThreeCarryOut(disk.path(), {share / "ledger.txt"}, share,
                                                   tmp / "data", "test/pulled"));
    bool pulled = false;
    ProgressSink progress([&](const ProgressUpdate& p) {
        if (!pulled && p.step == "writing" && p.done >= (1u << 20)) {
            disk.pull();
            pulled = true;
        }
    });
    operation.check();
    const Outcome outcome = operation.run(progress, CancelToken());
    EXPECT_EQ(outcome.kind, OutcomeKind::Failed) << "a pulled medium must not end in success";
    EXPECT_NE(outcome.message.find("carry-out FAILED"), std::string::npos) << outcome.message;
    ASSERT_TRUE(pulled);
    // One failed carry-out entry, none claiming success.
    auto last =
        records::parseEntry(store.signedRegister().entry(store.signedRegister().size() - 1));
    EXPECT_EQ(records::entryString(last, "kind"), "carry-out");
    EXPECT_EQ(records::entryString(last, "result"), "failed");
    EXPECT_EQ(
        records::entryText(records::parseEntry(store.signedRegister().entry(static_cast<uint64_t>(
                               records::entryIntegerOr(last, "started_entry", -1)))),
                           "kind"),
        "carry-out-started");
    for (uint64_t i = 0; i < store.signedRegister().size(); ++i)
        EXPECT_EQ(store.signedRegister().entry(i).find("\"result\":\"written\""),
                  std::string::npos);
    EXPECT_EQ(disk.imageBytes().find(kMarker), std::string::npos);
}

// Art. 16(3): a carry-out that started is recorded whatever happens after. Here the package
// cannot be written once the medium is erased and formatted (a source file shrank meanwhile):
// the `carry-out-started` entry written before the erasure is closed by a failed `carry-out`
// naming the reason, and no job is left open.
TEST(CarryOutJournalTest, PackagingFailingAfterFormattingIsRecordedAsAFailedCarryOut) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    auto store = records::Store::create(tmp / "data", "test/journal", "admin", "Admin",
                                        "admin-passphrase-1");
    const fs::path share = tmp / "share";
    fs::create_directories(share);
    std::ofstream(share / "記録.txt", std::ios::binary) << std::string(200000, 'x');
    testsupport::LoopDevice medium(tmp / "usb.img", kSize);

    CarryOutInput request =
        classThreeCarryOut(medium.path(), {share}, share, tmp / "data", "test/journal");
    request.assetTag = "USB-7";
    CarryOutOperation operation(store.signedRegister(), std::move(request));
    const uint64_t before = store.signedRegister().size();
    ProgressSink progress([&](const ProgressUpdate& p) {
        if (p.step == "formatting") fs::resize_file(share / "記録.txt", 10);
    });
    operation.check();
    const Outcome outcome = operation.run(progress, CancelToken());
    EXPECT_EQ(outcome.kind, OutcomeKind::Failed) << "a source that changed must not end in success";
    EXPECT_NE(outcome.message.find("carry-out FAILED"), std::string::npos) << outcome.message;
    EXPECT_NE(outcome.message.find("changed while it was being packaged"), std::string::npos)
        << outcome.message;
    EXPECT_EQ(outcome.registerIndex, store.signedRegister().size() - 1);
    const auto started = records::parseEntry(store.signedRegister().entry(before));
    EXPECT_EQ(records::entryText(started, "kind"), "carry-out-started");
    EXPECT_EQ(records::entryText(started, "asset"), "USB-7");
    const auto last =
        records::parseEntry(store.signedRegister().entry(store.signedRegister().size() - 1));
    EXPECT_EQ(records::entryText(last, "kind"), "carry-out");
    EXPECT_EQ(records::entryText(last, "result"), "failed");
    EXPECT_EQ(records::entryIntegerOr(last, "started_entry", -1), static_cast<int64_t>(before));
    EXPECT_NE(records::entryText(last, "failure").find("changed while it was being packaged"),
              std::string::npos);
    const auto erasure = records::parseEntry(store.signedRegister().entry(
        static_cast<uint64_t>(records::entryIntegerOr(last, "erasure_index", -1))));
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "erased");
    EXPECT_TRUE(JobJournal(store.signedRegister()).reconcile().empty());  // nothing left open
}

}  // namespace
}  // namespace massho::operations
