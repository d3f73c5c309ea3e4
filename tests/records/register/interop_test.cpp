// Peers and faults: an independent Python verifier, and kill -9 during appends.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "massho/records/register/verify.h"
#include "massho/testsupport/command.h"
#include "verify_fixture.h"

using namespace massho::records;
using namespace massho::records::test;
using massho::testsupport::runCommand;
using massho::testsupport::TempDir;
namespace fs = std::filesystem;

namespace {
void writeFile(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}
}  // namespace

TEST(Interop, PythonVerifierAcceptsOurProofsAndRejectsTampering) {
    if (runCommand({"python3", "-c", "import cryptography"}).exitCode != 0)
        FAIL() << "python3-cryptography is missing: run appliance/tools/install-deps";
    TempDir tmp;
    Store store = Store::create(tmp / "data", kOrigin, "admin", "", kAdminPassword);
    appendErasures(store, 11);  // 13 entries: an uneven tree
    std::string script = MASSHO_RECORDS_TEST_DIR "/py_verify.py";
    for (uint64_t i : {0ull, 6ull, 12ull}) {
        writeFile(tmp / "entry", store.signedRegister().entry(i));
        writeFile(tmp / "proof", store.signedRegister().proof(i));
        auto r = runCommand({"python3", script, (tmp / "data" / "register.vkey").string(),
                             (tmp / "entry").string(), (tmp / "proof").string()});
        EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
        EXPECT_EQ(r.out, "ok " + std::to_string(i) + " 13\n");
    }
    std::string changed = store.signedRegister().entry(6);
    changed[changed.find("op")] = 'O';
    writeFile(tmp / "entry", changed);
    writeFile(tmp / "proof", store.signedRegister().proof(6));
    auto bad = runCommand({"python3", script, (tmp / "data" / "register.vkey").string(),
                           (tmp / "entry").string(), (tmp / "proof").string()});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(bad.out, "inclusion proof does not lead to the signed root\n");
}

TEST(CrashSafety, KillDashNineDuringAppendsLeavesAVerifiableRegister) {
    TempDir tmp;
    fs::path data = tmp / "data";
    Store::create(data, kOrigin, "admin", "", kAdminPassword);
    int pipeFds[2];
    ASSERT_EQ(pipe(pipeFds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(pipeFds[0]);
        try {
            Store store = Store::open(data);
            for (int k = 0;; ++k) {
                appendErasures(store, 1, k);
                char c = 'c';
                if (write(pipeFds[1], &c, 1) != 1) _exit(2);  // one byte per committed entry
            }
        } catch (...) {
            _exit(3);
        }
    }
    close(pipeFds[1]);
    // Wait for 40 committed appends, then kill without warning, mid-stream.
    int committed = 0;
    char c;
    while (committed < 40 && read(pipeFds[0], &c, 1) == 1) ++committed;
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    while (read(pipeFds[0], &c, 1) == 1) ++committed;
    close(pipeFds[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child ended by itself: " << status;

    VerifyOptions options;
    VerifyReport r = verifyRegister(data, options);
    ASSERT_TRUE(r.ok) << r.text();
    // Every acknowledged entry is there; at most the one in flight beyond.
    EXPECT_GE(r.entries, 2u + committed);
    EXPECT_LE(r.entries, 2u + committed + 1);
    EXPECT_EQ(r.checkpoints, r.entries);
    // And the register keeps working after the crash.
    Store store = Store::open(data);
    appendErasures(store, 1, 999);
    EXPECT_TRUE(verifyRegister(data, options).ok);
}
