// Carry-out packaging (planPackage + writeTar) on names a Japanese office uses, under the C
// locale `massho` runs in; and what is refused before the medium is touched.
#include "massho/image/package.h"

#include <gtest/gtest.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "age_test_support.h"
#include "massho/image/age_writer.h"
#include "massho/image/carryout_error.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::image::test {
namespace {

namespace fs = std::filesystem;
using testsupport::runCommand;
using testsupport::TempDir;

// name inside the chosen folder → bytes
const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"記録.txt", "令和8年 記録\n"},
    {"税務 2026/名簿.csv", "氏名,住所\n山田,北区\n"},
    {"😀 絵文字 🎌.txt", std::string("\0\x01\xff emoji", 9)},
    {"plain.txt", "ascii\n"},
};

void put(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    writeFile(path, bytes);
}

std::string packageTar(const fs::path& folder) {
    PackagePlan plan = planPackage({folder});
    std::string tar;
    writeTar(plan, [&](const void* d, size_t n) { tar.append(static_cast<const char*>(d), n); });
    return tar;
}

TEST(CarryOutPackage, JapaneseAndEmojiNamesArriveExactUnderTheCLocale) {
    // What `massho` runs in (it never calls setlocale), and what CI may have.
    ASSERT_NE(setlocale(LC_ALL, "C"), nullptr);
    TempDir tmp;
    const fs::path folder = tmp / "提出書類";
    for (const auto& [name, bytes] : kFiles) put(folder / name, bytes);

    const std::string tar = packageTar(folder);  // SIGSEGV in archive_write_header before
    // The pax `path` records hold the UTF-8 names themselves (not '?', not hdrcharset=BINARY).
    EXPECT_NE(tar.find("path=提出書類/税務 2026/名簿.csv\n"), std::string::npos);
    EXPECT_EQ(tar.find("hdrcharset"), std::string::npos);

    // Encrypted as the medium holds it, opened with the standard tools only.
    const X25519Identity id = X25519Identity::generate();
    writeFile(tmp / "office.key", id.toString() + "\n");
    std::ostringstream cipher;
    AgeWriter age(cipher, {id.recipient()});
    age.write(tar.data(), tar.size());
    age.finish();
    writeFile(tmp / "package.tar.age", cipher.str());
    auto dec = runCommand({"age", "-d", "-i", (tmp / "office.key").string(), "-o",
                           (tmp / "package.tar").string(), (tmp / "package.tar.age").string()});
    ASSERT_EQ(dec.exitCode, 0) << dec.err;
    const fs::path out = tmp / "received";
    fs::create_directories(out);
    // The receiving office's tar runs in a UTF-8 locale.
    auto untar = runCommand({"env", "LC_ALL=C.UTF-8", "tar", "-xf", (tmp / "package.tar").string(),
                             "-C", out.string()});
    ASSERT_EQ(untar.exitCode, 0) << untar.err;
    for (const auto& [name, bytes] : kFiles) {
        ASSERT_TRUE(fs::is_regular_file(out / "提出書類" / name)) << name;
        EXPECT_EQ(readFile(out / "提出書類" / name), bytes) << name;
    }
    size_t extracted = 0;
    for (const auto& e : fs::recursive_directory_iterator(out))
        extracted += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(extracted, kFiles.size());
}

void expectRefused(const std::vector<fs::path>& sources, const std::string& message) {
    try {
        planPackage(sources);
        ADD_FAILURE() << "planned, but should have been refused: " << message;
    } catch (const CarryOutError& e) {
        EXPECT_EQ(e.kind(), CarryOutError::Kind::BadInput) << e.what();
        EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
}

TEST(CarryOutPackage, RefusesAFolderWithNoFilesBeforeAnythingIsWritten) {
    TempDir tmp;
    fs::create_directories(tmp / "empty" / "sub" / "deeper");
    expectRefused({tmp / "empty"}, "nothing to carry out: the chosen folders hold no files");
}

TEST(CarryOutPackage, RefusesANameThatIsNotUtf8NamingIt) {
    TempDir tmp;
    put(tmp / "folder" / "ok.txt", "x");
    put(tmp / "folder" / "bad\xff\xfe.txt", "x");
    expectRefused({tmp / "folder"}, "bad\xff\xfe.txt: its name is not valid UTF-8");
}

// Each is refused naming the file, before the medium is touched; a FIFO is never opened (an
// open would block until a writer came).
TEST(CarryOutPackage, RefusesAFifoADeviceNodeAndASymlinkLoopNamingThem) {
    TempDir tmp;
    put(tmp / "fifo" / "ok.txt", "x");
    ASSERT_EQ(mkfifo((tmp / "fifo" / "受付.pipe").c_str(), 0644), 0);
    expectRefused({tmp / "fifo"}, "受付.pipe is not a regular file or folder");
    expectRefused({tmp / "fifo" / "受付.pipe"}, "受付.pipe is not a regular file or folder");

    put(tmp / "dev" / "ok.txt", "x");
    ASSERT_EQ(mknod((tmp / "dev" / "null").c_str(), S_IFCHR | 0644, makedev(1, 3)), 0);
    expectRefused({tmp / "dev"}, "/dev/null is not a regular file or folder");

    put(tmp / "loop" / "ok.txt", "x");
    fs::create_symlink("a", tmp / "loop" / "b");
    fs::create_symlink("b", tmp / "loop" / "a");
    expectRefused({tmp / "loop"}, "/loop/a is a symbolic link");
}

// Root reads everything: the file is made unreadable for `nobody`, who plans in a child.
TEST(CarryOutPackage, RefusesAnUnreadableFileBeforeWriting) {
    TempDir tmp;
    fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_exec |
                                    fs::perms::others_exec | fs::perms::group_read |
                                    fs::perms::others_read);
    put(tmp / "share" / "ok.txt", "x");
    put(tmp / "share" / "秘密.txt", "secret");
    fs::permissions(tmp / "share" / "秘密.txt", fs::perms::owner_write);
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    const pid_t pid = fork();
    if (pid == 0) {
        close(out[0]);
        std::string message = "planned";
        if (setgid(65534) != 0 || setuid(65534) != 0) _exit(2);
        try {
            planPackage({tmp / "share"});
        } catch (const CarryOutError& e) {
            message = (e.kind() == CarryOutError::Kind::BadInput ? "BadInput: " : "Failed: ") +
                      std::string(e.what());
        }
        _exit(write(out[1], message.data(), message.size()) < 0 ? 3 : 0);
    }
    close(out[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
        message.append(buf, static_cast<size_t>(n));
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    EXPECT_EQ(message, "BadInput: cannot read " + (tmp / "share" / "秘密.txt").string() +
                           ": Permission denied: make it readable or leave it out");
}

}  // namespace
}  // namespace massho::image::test
