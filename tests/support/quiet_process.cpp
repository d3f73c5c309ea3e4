#include "massho/testsupport/quiet_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>  // environ (a GNU extension, declared with _GNU_SOURCE)

#include <chrono>
#include <stdexcept>
#include <thread>

namespace massho::testsupport {

// posix_spawn rather than fork: the tests run Qt and other threads, and a forked child of a
// threaded process may only call async-signal-safe functions before exec.
pid_t startQuietly(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed)
        throw std::runtime_error("cannot start " + argv[0] + ": run appliance/tools/install-deps");
    return pid;
}

void endProcess(pid_t& pid, int signal) {
    if (pid <= 0) return;
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
}

void waitUntil(const std::function<bool()>& ready, const std::string& what) {
    for (int i = 0; i < 200 && !ready(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!ready()) throw std::runtime_error(what);
}

}  // namespace massho::testsupport
