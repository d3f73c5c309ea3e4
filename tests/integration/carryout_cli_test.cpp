// `massho carryout` / `carryin` / `recipients` end to end: the real binary on real loop devices,
// the medium read back WITHOUT Massho (mtools, age, tar).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr const char* kMarker = "PLAINTEXT-MARKER-7f3a9c-do-not-leak";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string randomText(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

bool contains(const std::vector<uint8_t>& hay, const std::string& needle) {
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// Sets an environment variable for the `massho` runs of one test, then restores it.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// Runs `massho ARGS` with `input` on stdin and kills it (SIGKILL) as soon as it reports the
// erasing stage on stderr: the carry-out and its erasure have started and neither has ended.
// Returns the wait status and the stderr seen.
std::pair<int, std::string> killWhenErasing(const std::vector<std::string>& args,
                                            const std::string& input) {
    int in[2], err[2];
    if (pipe(in) != 0 || pipe(err) != 0) return {-1, "pipe failed"};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(err[1], 2);
        close(in[1]);
        close(err[0]);
        std::vector<char*> argv{const_cast<char*>(MASSHO_CLI)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(MASSHO_CLI, argv.data());
        _exit(127);
    }
    close(in[0]);
    close(err[1]);
    const bool sent =
        write(in[1], input.data(), input.size()) == static_cast<ssize_t>(input.size());
    close(in[1]);
    std::string text;
    char buf[256];
    ssize_t n = 0;
    while (sent && text.find("erasing") == std::string::npos &&
           (n = read(err[0], buf, sizeof buf)) > 0)
        text.append(buf, static_cast<size_t>(n));
    kill(pid, SIGKILL);
    close(err[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return {status, text};
}

class CarryOutCliTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        CliTest::SetUp();
        sources_ = tmp_ / "share";
        writeFile(sources_ / "docs" / "report.txt", std::string(kMarker) + " 住民票 report\n");
        writeFile(sources_ / "docs" / "data" / "big.bin", randomText(3 * kMiB + 17, 1));
        writeFile(sources_ / "docs" / "data" / "empty.txt", "");
        writeFile(sources_ / "single.csv", std::string(kMarker) + ",1,2\n");
        writeFile(tmp_ / "outside" / "secret.txt", std::string(kMarker) + " outside\n");
        writeFile(fs::path(dataDir()) / "carryout-sources",
                  "# allowed\n" + sources_.string() + "\n");
        auto keygen = runCommand({"age-keygen", "-o", (tmp_ / "office.key").string()});
        ASSERT_EQ(keygen.exitCode, 0) << keygen.err;
        recipient_ = runCommand({"age-keygen", "-y", (tmp_ / "office.key").string()}).out;
        recipient_.erase(recipient_.find_last_not_of('\n') + 1);
    }

    testsupport::CommandResult carryout(const std::string& device, std::vector<std::string> extra,
                                        const std::string& input = {}) {
        std::vector<std::string> args = {"carryout",         device,  "--as", "sato",
                                         "--password-stdin", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        // Loop devices have no serial, so the media ledger needs the tag.
        if (std::find(args.begin(), args.end(), "--asset") == args.end())
            args.insert(args.end(), {"--asset", "USB-0001"});
        return massho(args, input.empty() ? std::string(kOperatorPassword) + "\n" : input);
    }
    std::vector<std::string> standardArgs() {
        return {"--file",        (sources_ / "docs").string(),
                "--file",        (sources_ / "single.csv").string(),
                "--recipient",   recipient_,
                "--class",       "3",
                "--destination", "北区役所 市民課"};
    }
    size_t countKind(const std::string& kind) {
        auto all = entries();
        return static_cast<size_t>(std::count_if(all.begin(), all.end(), [&](const QJsonObject& e) {
            return e["kind"] == kind.c_str();
        }));
    }
    // The image of the medium (mtools addresses the partition at 1 MiB, no mount needed).
    static std::string fat(const LoopDevice& d) { return d.path() + "@@1048576"; }

    fs::path sources_;
    std::string recipient_;
};

TEST_F(CarryOutCliTest, WritesAnAgePackageThatStandardToolsOpenBitForBit) {
    LoopDevice medium(tmp_ / "usb.img", 96 * kMiB);
    medium.writeAt(40 * kMiB, std::vector<uint8_t>(4096, 0xA5));  // old data to be erased
    auto r = carryout(medium.path(), standardArgs());
    ASSERT_EQ(r.exitCode, 0) << r.err;

    auto entry = this->entry(
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt());
    EXPECT_EQ(entry["kind"], "carry-out");
    EXPECT_EQ(entry["result"], "written");
    EXPECT_EQ(entry["class"], 3);
    EXPECT_EQ(entry["destination"], "北区役所 市民課");
    EXPECT_EQ(entry["requester"], "sato");
    EXPECT_EQ(entry["file_count"], 4);
    EXPECT_EQ(entry["total_size"],
              static_cast<double>(readFile(sources_ / "docs" / "report.txt").size() + 3 * kMiB +
                                  17 + readFile(sources_ / "single.csv").size()));
    EXPECT_EQ(entry["encryption"], "age-x25519");
    // The recipient's fingerprint = SHA-256 of the key bytes; never the key or a passphrase.
    EXPECT_EQ(entry["recipients"].toString().size(), 64);
    auto erasure = this->entry(entry["erasure_index"].toInt());
    EXPECT_EQ(erasure["kind"], "erasure");
    EXPECT_EQ(erasure["result"], "erased");

    // Read the FAT filesystem back without Massho.
    const std::string package = entry["package"].toString().toStdString();
    auto dir = runCommand({"mdir", "-b", "-i", fat(medium), "::"});
    ASSERT_EQ(dir.exitCode, 0) << dir.err;
    EXPECT_NE(dir.out.find("README.txt"), std::string::npos) << dir.out;
    EXPECT_NE(dir.out.find(package), std::string::npos) << dir.out;
    const fs::path out = tmp_ / "received";
    fs::create_directories(out);
    auto copy = runCommand({"mcopy", "-i", fat(medium), "::" + package, (out / package).string()});
    ASSERT_EQ(copy.exitCode, 0) << copy.err;
    auto sha = runCommand({"sha256sum", (out / package).string()});
    EXPECT_EQ(sha.out.substr(0, 64), entry["ciphertext_sha256"].toString().toStdString());
    EXPECT_EQ(fs::file_size(out / package),
              static_cast<uint64_t>(entry["ciphertext_size"].toInteger()));

    auto dec = runCommand({"age", "-d", "-i", (tmp_ / "office.key").string(), "-o",
                           (out / "data.tar").string(), (out / package).string()});
    ASSERT_EQ(dec.exitCode, 0) << dec.err;
    auto untar = runCommand({"tar", "-xf", (out / "data.tar").string(), "-C", out.string()});
    ASSERT_EQ(untar.exitCode, 0) << untar.err;
    for (const char* f : {"docs/report.txt", "docs/data/big.bin", "docs/data/empty.txt"})
        EXPECT_EQ(readFile(out / f), readFile(sources_ / f)) << f;
    EXPECT_EQ(readFile(out / "single.csv"), readFile(sources_ / "single.csv"));

    auto readme = runCommand({"mtype", "-i", fat(medium), "::README.txt"});
    EXPECT_NE(readme.out.find("age -d"), std::string::npos);
    EXPECT_NE(readme.out.find("暗号化"), std::string::npos);
    // Nothing in clear: neither content nor file names anywhere on the medium.
    auto raw = medium.readAll();
    EXPECT_FALSE(contains(raw, kMarker));
    EXPECT_FALSE(contains(raw, "report.txt"));
    EXPECT_FALSE(contains(raw, std::string(4096, '\xA5')));
}

TEST_F(CarryOutCliTest, RefusesAPathOutsideTheAllowedFoldersBeforeTouchingTheMedium) {
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    medium.writeAt(0, std::vector<uint8_t>(512, 0x5A));
    auto link = sources_ / "link-out";
    fs::create_directory_symlink(tmp_ / "outside", link);
    for (const auto& path :
         {(tmp_ / "outside" / "secret.txt").string(), (link / "secret.txt").string(),
          (sources_ / ".." / "outside").string()}) {
        auto r = carryout(medium.path(), {"--file", path, "--recipient", recipient_, "--class", "4",
                                          "--destination", "x"});
        EXPECT_EQ(r.exitCode, 2) << path << r.err;
        EXPECT_NE(r.err.find("outside the folders allowed"), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_EQ(countKind("carry-out"), 0u);
    EXPECT_EQ(countKind("erasure"), 0u);
    EXPECT_EQ(medium.readAll()[0], 0x5A);
}

TEST_F(CarryOutCliTest, RefusesABadRecipientChecksum) {
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    std::string bad = recipient_;
    bad.back() = bad.back() == 'q' ? 'p' : 'q';
    auto args = standardArgs();
    std::replace(args.begin(), args.end(), recipient_, bad);
    auto r = carryout(medium.path(), args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("not a valid age key"), std::string::npos) << r.err;
    EXPECT_EQ(countKind("carry-out"), 0u);
}

TEST_F(CarryOutCliTest, RefusesAMediumTooSmall) {
    LoopDevice medium(tmp_ / "usb.img", 4 * kMiB);
    auto r = carryout(medium.path(), standardArgs());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("medium too small"), std::string::npos) << r.err;
    EXPECT_EQ(countKind("erasure"), 0u);
}

// Art. 8(7): class 1-2 media leave only with a data manager's approval, used once, naming the
// medium, class, asset and destination that were approved.
TEST_F(CarryOutCliTest, ClassOneNeedsAnApprovalThatIsUsedOnce) {
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    auto args = standardArgs();
    *std::find(args.begin(), args.end(), "3") = "1";
    args.insert(args.end(), {"--asset", "USB-0042"});
    auto r = carryout(medium.path(), args);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("needs a data manager's approval"), std::string::npos) << r.err;
    auto bogus = args;
    bogus.insert(bogus.end(), {"--request", "REQ-999999"});
    EXPECT_EQ(carryout(medium.path(), bogus).exitCode, 3);
    EXPECT_EQ(countKind("erasure"), 0u);

    const std::string managerPassword = "manager-passphrase-1";
    ASSERT_EQ(massho({"user", "add", "tanaka", "--role", "data-manager", "--as", "admin",
                      "--password-stdin"},
                     std::string(kAdminPassword) + "\n" + managerPassword + "\n")
                  .exitCode,
              0);
    auto requested =
        massho({"request", "carryout", medium.path(), "--class", "1", "--asset", "USB-0042",
                "--destination", "北区役所 市民課", "--as", "sato", "--password-stdin"},
               std::string(kOperatorPassword) + "\n");
    ASSERT_EQ(requested.exitCode, 0) << requested.err;
    const std::string req = requested.out.substr(0, requested.out.find('\n'));
    ASSERT_EQ(massho({"approve", req, "--as", "tanaka", "--password-stdin"}, managerPassword + "\n")
                  .exitCode,
              0);

    args.insert(args.end(), {"--request", req});
    r = carryout(medium.path(), args);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto written = entries().back();
    EXPECT_EQ(written["kind"], "carry-out");
    EXPECT_EQ(written["request"], QString::fromStdString(req));
    EXPECT_EQ(written["requester"], "sato");
    EXPECT_EQ(written["approver"], "tanaka");
    // The same approval does not cover a second carry-out.
    EXPECT_EQ(carryout(medium.path(), args).exitCode, 3);
}

TEST_F(CarryOutCliTest, KeyBookNamesAndCarryInCryptoErase) {
    auto add = massho({"recipients", "add", "kita-ward", recipient_, "--label", "北区役所", "--as",
                       "admin", "--password-stdin"},
                      std::string(kAdminPassword) + "\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    auto list = massho({"recipients", "list"});
    EXPECT_NE(list.out.find(recipient_), std::string::npos);
    auto notAdmin =
        massho({"recipients", "remove", "kita-ward", "--as", "sato", "--password-stdin"},
               std::string(kOperatorPassword) + "\n");
    EXPECT_EQ(notAdmin.exitCode, 3);

    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    auto r = carryout(medium.path(), {"--file", (sources_ / "single.csv").string(), "--recipient",
                                      "kita-ward", "--class", "4", "--destination", "北区役所"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const long outIndex =
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt();
    EXPECT_TRUE(contains(medium.readAll(), "age-encryption.org/v1\n"));

    auto in = massho({"carryin", medium.path(), "--crypto-erase", "--method", "zero", "--json",
                      "--as", "sato", "--password-stdin"},
                     std::string(kOperatorPassword) + "\n");
    ASSERT_EQ(in.exitCode, 0) << in.err;
    auto json = QJsonDocument::fromJson(QByteArray::fromStdString(in.out)).object();
    auto entry = this->entry(json["index"].toInt());
    EXPECT_EQ(entry["kind"], "carry-in");
    EXPECT_EQ(entry["carry_out_index"], static_cast<int>(outIndex));
    EXPECT_EQ(entry["headers_destroyed"], 1);
    EXPECT_EQ(entry["crypto_erase"], "done");
    EXPECT_EQ(this->entry(entry["erasure_index"].toInt())["nist_level"], "clear");
    // The erasure of the returned medium carries the class of the data that went out on it.
    EXPECT_EQ(this->entry(entry["erasure_index"].toInt())["class"],
              this->entry(static_cast<long>(outIndex))["class"]);
    auto raw = medium.readAll();
    EXPECT_FALSE(contains(raw, "age-encryption.org/v1"));
    EXPECT_TRUE(std::all_of(raw.begin(), raw.end(), [](uint8_t b) { return b == 0; }));

    auto remove = massho({"recipients", "remove", "kita-ward", "--as", "admin", "--password-stdin"},
                         std::string(kAdminPassword) + "\n");
    EXPECT_EQ(remove.exitCode, 0) << remove.err;
    EXPECT_EQ(countKind("recipient-removed"), 1u);
}

// Japanese and emoji file names (what the offices have) under the C locale CI may have: the
// carry-out used to die with SIGSEGV in libarchive after the medium had been erased.
TEST_F(CarryOutCliTest, JapaneseAndEmojiFileNamesArriveExactlyUnderTheCLocale) {
    ScopedEnv cLocale("LC_ALL", "C");
    const fs::path folder = sources_ / "提出書類";
    const std::vector<std::pair<std::string, std::string>> files = {
        {"記録.txt", "令和8年 記録\n"},
        {"税務 2026/名簿.csv", "氏名,住所\n山田,北区\n"},
        {"😀 絵文字 🎌.txt", randomText(70000, 3)},
    };
    for (const auto& [name, bytes] : files) writeFile(folder / name, bytes);
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    auto r = carryout(medium.path(), {"--file", folder.string(), "--recipient", recipient_,
                                      "--class", "4", "--destination", "北区役所"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto entry = this->entry(
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt());
    EXPECT_EQ(entry["result"], "written");
    EXPECT_EQ(entry["file_count"], 3);

    const std::string package = entry["package"].toString().toStdString();
    const fs::path out = tmp_ / "received";
    fs::create_directories(out);
    ASSERT_EQ(
        runCommand({"mcopy", "-i", fat(medium), "::" + package, (out / package).string()}).exitCode,
        0);
    auto dec = runCommand({"age", "-d", "-i", (tmp_ / "office.key").string(), "-o",
                           (out / "data.tar").string(), (out / package).string()});
    ASSERT_EQ(dec.exitCode, 0) << dec.err;
    // The receiving office's tar runs in a UTF-8 locale.
    auto untar = runCommand(
        {"env", "LC_ALL=C.UTF-8", "tar", "-xf", (out / "data.tar").string(), "-C", out.string()});
    ASSERT_EQ(untar.exitCode, 0) << untar.err;
    for (const auto& [name, bytes] : files) {
        ASSERT_TRUE(fs::is_regular_file(out / "提出書類" / name)) << name;
        EXPECT_EQ(readFile(out / "提出書類" / name), bytes) << name;
    }
}

TEST_F(CarryOutCliTest, AFolderWithNoFilesIsRefusedBeforeTheMediumIsTouched) {
    fs::create_directories(sources_ / "empty" / "sub");
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    medium.writeAt(0, std::vector<uint8_t>(512, 0x5A));
    auto r = carryout(medium.path(), {"--file", (sources_ / "empty").string(), "--recipient",
                                      recipient_, "--class", "4", "--destination", "x"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("nothing to carry out"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(countKind("erasure-started"), 0u);
    EXPECT_EQ(countKind("carry-out-started"), 0u);
    EXPECT_EQ(medium.readAll()[0], 0x5A);
}

// The city's standard, Art. 16(3): refusals are recorded, carry-outs' as erasures' are.
TEST_F(CarryOutCliTest, ARefusedCarryOutIsRecorded) {
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    auto args = standardArgs();
    *std::find(args.begin(), args.end(), "3") = "1";
    auto r = carryout(medium.path(), args);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    auto last = entries().back();
    EXPECT_EQ(last["kind"], "carry-out-refused");
    EXPECT_EQ(last["operator"], "sato");
    EXPECT_EQ(last["class"], 1);
    EXPECT_EQ(last["device_path"], QString::fromStdString(medium.path()));
    EXPECT_NE(last["reason"].toString().toStdString().find("needs a data manager's approval"),
              std::string::npos);

    args.insert(args.end(), {"--request", "REQ-999999"});
    r = carryout(medium.path(), args);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    last = entries().back();
    EXPECT_EQ(last["kind"], "carry-out-refused");
    EXPECT_EQ(last["request"], "REQ-999999");
    EXPECT_EQ(countKind("carry-out-refused"), 2u);
    EXPECT_EQ(countKind("erasure-started"), 0u);
}

// One carry-out comes back once: a second carry-in of the same medium is refused and recorded.
TEST_F(CarryOutCliTest, ASecondReturnOfOneCarryOutIsRefused) {
    LoopDevice medium(tmp_ / "usb.img", 64 * kMiB);
    auto r = carryout(medium.path(), {"--file", (sources_ / "single.csv").string(), "--recipient",
                                      recipient_, "--class", "4", "--destination", "北区役所"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const int outIndex =
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt();
    auto carryin = [&] {
        return massho({"carryin", medium.path(), "--json", "--as", "sato", "--password-stdin"},
                      std::string(kOperatorPassword) + "\n");
    };
    auto first = carryin();
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const int inIndex =
        QJsonDocument::fromJson(QByteArray::fromStdString(first.out)).object()["index"].toInt();
    EXPECT_EQ(entry(inIndex)["carry_out_index"], outIndex);

    for (int attempt = 0; attempt < 2; ++attempt) {
        auto again = carryin();
        EXPECT_EQ(again.exitCode, 3) << again.err;
        EXPECT_NE(again.err.find("already returned in register entry " + std::to_string(inIndex)),
                  std::string::npos)
            << again.err;
        EXPECT_EQ(std::count(again.err.begin(), again.err.end(), '\n'), 1) << again.err;
        auto last = entries().back();
        EXPECT_EQ(last["kind"], "carry-in-refused");
        EXPECT_EQ(last["carry_out_index"], outIndex);
        EXPECT_EQ(last["carry_in_entry"], inIndex);
    }
    EXPECT_EQ(countKind("carry-in"), 1u);
}

// kill -9 (or a crash, or a power cut) in the middle of a carry-out: the register shows that it
// began, and the next job records it as interrupted — with the erasure it had started.
TEST_F(CarryOutCliTest, AKilledCarryOutIsRecordedAsInterruptedByTheNextJob) {
    LoopDevice medium(tmp_ / "usb.img", 256 * kMiB);
    std::vector<std::string> args = {"--data-dir", dataDir(), "carryout",        medium.path(),
                                     "--as",       "sato",    "--password-stdin"};
    for (const auto& a : standardArgs()) args.push_back(a);
    args.insert(args.end(), {"--asset", "USB-0009"});
    auto [status, err] = killWhenErasing(args, std::string(kOperatorPassword) + "\n");
    ASSERT_TRUE(WIFSIGNALED(status)) << err;

    auto all = entries();
    long startedIndex = -1;
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i]["kind"] == "carry-out-started") startedIndex = static_cast<long>(i);
    ASSERT_GE(startedIndex, 0) << "no carry-out-started entry";
    EXPECT_EQ(all[static_cast<size_t>(startedIndex)]["asset"], "USB-0009");
    EXPECT_EQ(countKind("carry-out"), 0u);

    LoopDevice next(tmp_ / "next.img", 64 * kMiB);
    auto r = carryout(next.path(),
                      {"--file", (sources_ / "single.csv").string(), "--recipient", recipient_,
                       "--class", "4", "--destination", "x", "--asset", "USB-0010"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    all = entries();
    std::vector<QJsonObject> interrupted;
    for (const auto& e : all)
        if (e["kind"] == "carry-out" && e["result"] == "interrupted") interrupted.push_back(e);
    ASSERT_EQ(interrupted.size(), 1u);
    EXPECT_EQ(interrupted[0]["started_entry"].toInteger(), startedIndex);
    EXPECT_EQ(interrupted[0]["asset"], "USB-0009");
    EXPECT_EQ(interrupted[0]["device_path"], QString::fromStdString(medium.path()));
    EXPECT_NE(interrupted[0]["failure"].toString().indexOf("no usable package"), -1);
    EXPECT_EQ(std::count_if(all.begin(), all.end(),
                            [](const QJsonObject& e) {
                                return e["kind"] == "erasure" && e["result"] == "interrupted";
                            }),
              1);
    EXPECT_EQ(all.back()["kind"], "carry-out");
    EXPECT_EQ(all.back()["result"], "written");
}

}  // namespace
}  // namespace massho::testing
