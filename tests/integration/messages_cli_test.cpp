// Messages a person can act on: sizes and numbers read from files,
// dates out of range, unknown option values, a broken massho.conf, exit codes that follow the
// contract (0 done, 1 failed or tampering found, 2 bad input, 3 refused), and "-" for standard
// output. Never a bare "std::bad_alloc" or "stoull".
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr const char* kOfficerPassword = "officer-passphrase-1";
constexpr const char* kManagerPassword = "manager-passphrase-1";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class MessagesCliTest : public CliTest {
  protected:
    void addUser(const std::string& id, const std::string& role, const std::string& password) {
        auto r = massho({"user", "add", id, "--role", role, "--as", "admin", "--password-stdin"},
                        std::string(kAdminPassword) + "\n" + password + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    testsupport::CommandResult asSato(std::vector<std::string> args) {
        args.insert(args.end(), {"--as", "sato", "--password-stdin"});
        return massho(args, std::string(kOperatorPassword) + "\n");
    }
    testsupport::CommandResult asAdmin(std::vector<std::string> args) {
        args.insert(args.end(), {"--as", "admin", "--password-stdin"});
        return massho(args, std::string(kAdminPassword) + "\n");
    }
    fs::path exported() {
        fs::path out = tmp_ / "export";
        auto r = massho({"register", "export", out.string()});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return out;
    }
    // One line on stderr, from massho itself, with none of the standard library's own words.
    static void expectOwnMessage(const testsupport::CommandResult& r) {
        EXPECT_EQ(r.err.rfind("massho: ", 0), 0u) << r.err;
        for (const char* raw : {"bad_alloc", "stoul", "stoi", "std::", "basic_string"})
            EXPECT_FALSE(has(r.err, raw)) << r.err;
    }
};

// Item 1: a checkpoint claiming 9,999,999,999 entries is tampering (exit 1), said plainly,
// without trying to make room for that many.
TEST_F(MessagesCliTest, ExportCheckpointClaimingTooManyEntriesIsNamed) {
    const fs::path out = exported();
    std::string checkpoint = readFile(out / "checkpoint");
    const size_t first = checkpoint.find('\n'), second = checkpoint.find('\n', first + 1);
    const std::string realSize = checkpoint.substr(first + 1, second - first - 1);
    checkpoint.replace(first + 1, second - first - 1, "9999999999");
    writeFile(out / "checkpoint", checkpoint);

    auto r = massho({"register", "verify", out.string()});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    expectOwnMessage(r);
    EXPECT_TRUE(has(r.err, "the checkpoint in " + (out / "checkpoint").string() +
                               " claims 9,999,999,999 entries but the export holds " + realSize))
        << r.err;
}

// Item 2: damaged numbers in an export's files name the file and what was expected.
TEST_F(MessagesCliTest, DamagedExportFilesAreNamed) {
    const fs::path out = exported();
    writeFile(out / "massho-cosignatures", "garbage line\n");
    auto r = massho({"register", "verify", out.string()});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    expectOwnMessage(r);
    EXPECT_TRUE(has(r.err, "massho-cosignatures line 1 is damaged: expected a tree size")) << r.err;

    fs::remove(out / "massho-cosignatures");
    // A length that would wrap around when added to the position.
    writeFile(out / "massho-checkpoints", "18446744073709551615\nx");
    r = massho({"register", "verify", out.string()});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    expectOwnMessage(r);
    EXPECT_TRUE(has(r.err, "massho-checkpoints is damaged near byte 0")) << r.err;
}

// The export-folder fuzzer's finding: a folder where verification reads a file escaped as
// std::ios_base::failure from a stream ("the system refused an operation: Is a directory
// (basic_filebuf::underflow ...)"). It is tampering found: exit 1, naming the path and what belongs
// there.
TEST_F(MessagesCliTest, AFolderInPlaceOfAnExportFileIsNamed) {
    const fs::path out = exported();
    fs::remove(out / "massho-checkpoints");
    fs::create_directory(out / "massho-checkpoints");
    auto r = massho({"register", "verify", out.string()});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    expectOwnMessage(r);
    EXPECT_FALSE(has(r.err, "basic_filebuf")) << r.err;
    EXPECT_TRUE(has(r.out, "problem: " + (out / "massho-checkpoints").string() +
                               " is a folder, not a file: it should hold every checkpoint signed"))
        << r.out << r.err;
}

TEST_F(MessagesCliTest, GarbageCosignatureFileIsBadInputNamingTheFile) {
    auto init = runCommand(
        {MASSHO_CLI, "witness", "init", (tmp_ / "witness").string(), "--name", "audit.example/w"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    writeFile(tmp_ / "w.vkey", init.out);
    // Text that is not a cosignature (binary data is refused earlier, as "not text").
    writeFile(tmp_ / "line", "12x garbage\n\n");
    const size_t before = entries().size();
    auto r = massho({"register", "add-cosignature", "--witness-vkey", (tmp_ / "w.vkey").string(),
                     (tmp_ / "line").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    expectOwnMessage(r);
    EXPECT_TRUE(
        has(r.err, "'" + (tmp_ / "line").string() + "' does not hold a witness's cosignature line"))
        << r.err;
    EXPECT_EQ(entries().size(), before) << "nothing recorded";

    writeFile(tmp_ / "bad.vkey", "not a key\n");
    r = massho({"register", "add-cosignature", "--witness-vkey", (tmp_ / "bad.vkey").string(),
                (tmp_ / "line").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "the --witness-vkey file '" + (tmp_ / "bad.vkey").string() + "'"))
        << r.err;
}

// Item 3: dates beyond 2262 used to overflow into 1677 and report nothing; every typed date is
// now checked against one range.
TEST_F(MessagesCliTest, DatesOutsideTheAcceptedRangeAreRefused) {
    for (const char* date : {"2263-01-01", "2200-01-01", "1999-12-31"}) {
        auto r = massho({"media", "report", "ledger", "--as-of", date, "--csv", "-"});
        EXPECT_EQ(r.exitCode, 2) << date << ": " << r.err;
        EXPECT_TRUE(has(r.err, "--as-of '" + std::string(date) +
                                   "' is not a date written as YYYY-MM-DD from 2000-01-01 to "
                                   "2199-12-31"))
            << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
    EXPECT_EQ(
        massho({"certificate", "list", "--from", "2026-01-01", "--to", "2263-01-01", "--csv", "-"})
            .exitCode,
        2);
    auto r = massho({"user", "add", "temp", "--role", "auditor", "--expires", "2300-01-01", "--as",
                     "admin", "--password-stdin"},
                    std::string(kAdminPassword) + "\ntemporary-passphrase-1\n");
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "from 2000-01-01 to 2199-12-31")) << r.err;
    r = asSato({"media", "add", "LS-1", "--class", "3", "--serial", "S1", "--model", "M", "--type",
                "hdd", "--lessor", "L", "--lease-contract", "C", "--lease-return", "2263-01-01"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    // The last accepted day still works.
    r = massho({"media", "report", "ledger", "--as-of", "2199-12-31", "--csv", "-"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

// Item 4: an unknown value of an enumerated option is bad input naming the valid ones.
TEST_F(MessagesCliTest, UnknownOptionValuesNameTheValidOnes) {
    auto r = asSato({"request", "list", "--state", "bogus"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err,
                    "unknown state 'bogus': use pending, approved, rejected, claimed, "
                    "used or expired"))
        << r.err;
    EXPECT_EQ(asSato({"request", "list", "--state", "expired"}).exitCode, 0);
    EXPECT_EQ(massho({"media", "report", "bogus", "--csv", "-"}).exitCode, 2);
    EXPECT_EQ(asSato({"media", "list", "--state", "bogus"}).exitCode, 2);

    // A typo in --locked-by is bad input, not a refusal by the storage rule.
    ASSERT_EQ(asSato({"media", "add", "PC-1", "--class", "1", "--serial", "S1", "--model", "M",
                      "--type", "hdd"})
                  .exitCode,
              0);
    r = asSato(
        {"media", "move", "PC-1", "--to", "stored", "--write-protected", "--locked-by", "pasword"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "--locked-by must be password or encryption")) << r.err;
}

// Item 5: a massho.conf that cannot be read is an error naming it, not silently the defaults.
TEST_F(MessagesCliTest, UnreadableConfigurationIsAnError) {
    const fs::path conf = fs::path(dataDir()) / "massho.conf";
    fs::remove(conf);
    fs::create_directory(conf);
    auto r = asAdmin({"user", "list"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, conf.string() + " is a folder, not a settings file")) << r.err;

    fs::remove(conf);
    fs::create_symlink(tmp_ / "nowhere.conf", conf);
    r = asAdmin({"user", "list"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "cannot read " + conf.string())) << r.err;

    fs::remove(conf);  // no file at all: the defaults
    EXPECT_EQ(asAdmin({"user", "list"}).exitCode, 0);
}

// Item 6: exit codes by the contract.
TEST_F(MessagesCliTest, ExitCodesFollowTheContract) {
    auto r = massho({"register", "proof", "1", "--size", "0"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "--size 0 cannot prove entry 1: give a tree size from 2 to")) << r.err;
    EXPECT_EQ(massho({"register", "proof", "1", "--size", "2"}).exitCode, 0);

    r = runCommand({MASSHO_CLI, "--data-dir", (tmp_ / "other").string(), "init", "--origin", "x y",
                    "--admin", "admin", "--password-stdin"},
                   std::string(kAdminPassword) + "\n");
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "origin \"x y\" is invalid")) << r.err;

    const size_t before = entries().size();
    r = asAdmin({"user", "disable", "admin"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_TRUE(has(r.err, "refusing to disable the last enabled administrator")) << r.err;
    EXPECT_EQ(entries().size(), before);
}

// Item 7: "-" is standard output for every output file, and two outputs cannot share it.
TEST_F(MessagesCliTest, DashIsStandardOutputForEveryOutputFile) {
    const fs::path dash = fs::current_path() / "-";
    fs::remove(dash);
    auto r =
        massho({"certificate", "list", "--from", "2026-01-01", "--to", "2026-12-31", "--csv", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
    r = massho({"certificate", "list", "--from", "2026-01-01", "--to", "2026-12-31", "--pdf", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("%PDF-", 0), 0u);
    r = massho({"media", "report", "ledger", "--pdf", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("%PDF-", 0), 0u);
    EXPECT_FALSE(fs::exists(dash)) << "no file named '-'";

    r = massho({"media", "report", "ledger", "--csv", "-", "--pdf", "-"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(has(r.err, "only one output can go to standard output")) << r.err;
    EXPECT_TRUE(r.out.empty());
    for (const auto& command : {"certificate list", "media report", "certificate"}) {
        std::vector<std::string> help;
        std::istringstream words(command);
        for (std::string w; words >> w;) help.push_back(w);
        help.push_back("--help");
        r = massho(help);
        // Qt wraps the help text: compare with the line breaks and indents taken out.
        std::string text;
        for (char c : r.out + r.err)
            if (!std::isspace(static_cast<unsigned char>(c))) text += c;
        EXPECT_TRUE(has(text, "('-':standardoutput)")) << command << ": " << r.out;
    }
}

TEST_F(MessagesCliTest, CertificatePdfToStandardOutput) {
    addUser("suzuki", "records-officer", kOfficerPassword);
    addUser("tanaka", "data-manager", kManagerPassword);
    LoopDevice dev(tmp_ / "disk.img", 4 * 1024 * 1024);
    const std::vector<std::string> fields{"--method", "zero", "--purpose", "disposal",
                                          "--class",  "3",    "--asset",   "PC-2026-0042"};
    std::vector<std::string> request{"request", "erase", dev.path()};
    request.insert(request.end(), fields.begin(), fields.end());
    auto requested = asSato(request);
    ASSERT_EQ(requested.exitCode, 0) << requested.err;
    const std::string req = QString::fromStdString(requested.out).trimmed().toStdString();
    ASSERT_EQ(massho({"approve", req, "--as", "tanaka", "--password-stdin"},
                     std::string(kManagerPassword) + "\n")
                  .exitCode,
              0);
    std::vector<std::string> erase{"erase", dev.path(), "--request", req};
    erase.insert(erase.end(), fields.begin(), fields.end());
    auto erased = asSato(erase);
    ASSERT_EQ(erased.exitCode, 0) << erased.err;
    const std::string index = QString::fromStdString(erased.out).trimmed().toStdString();

    const std::string officer = std::string(kOfficerPassword) + "\n";
    const size_t before = entries().size();
    auto r =
        massho({"certificate", index, "--pdf", "-", "--json", "--as", "suzuki", "--password-stdin"},
               officer);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(entries().size(), before) << "refused before anything was recorded";
    r = massho({"certificate", index, "--pdf", "-", "--as", "suzuki", "--password-stdin"}, officer);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("%PDF-", 0), 0u);
    EXPECT_FALSE(fs::exists(fs::current_path() / "-")) << "no file named '-'";
}

}  // namespace
}  // namespace massho::testing
