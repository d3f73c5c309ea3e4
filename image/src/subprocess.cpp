#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "massho/base/abandoned_threads.h"
#include "massho/image/carryout_error.h"

namespace massho::image::detail {
namespace {

constexpr size_t kMaxStderrBytes = 16 * 1024;  // inputs are bounded
// How long a killed child may take to die before a thread of its own is left to reap it: one
// that is not stuck in the kernel dies at once.
constexpr auto kDeathWait = std::chrono::seconds(1);

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

[[noreturn]] void failStart(const std::string& program) {
    throw CarryOutError(CarryOutError::Kind::Failed,
                        "could not start " + program + ": " + std::strerror(errno) +
                            " (install it: appliance/tools/install-deps)");
}

// Drains whatever stderr has without blocking, so a chatty child never stalls on a full pipe.
void drain(int fd, std::string& into, bool block) {
    char buf[4096];
    for (;;) {
        if (!block) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 0) <= 0) return;
        }
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        if (into.size() < kMaxStderrBytes) into.append(buf, static_cast<size_t>(n));
    }
}

// This process's environment with `extra` ("NAME=VALUE") added or replacing, built before fork:
// the child may only make async-signal-safe calls.
std::vector<std::string> childEnvironment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('=') + 1);
        bool replaced = false;
        for (const auto& x : extra) replaced |= x.compare(0, name.size(), name) == 0;
        if (!replaced) env.push_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

}  // namespace

Subprocess::Subprocess(const std::vector<std::string>& argv, const Options& options) {
    base::ProgressDeadline* deadline = base::ProgressDeadline::current();
    if (deadline) deadline->checkGoing();
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    if ((options.pipeStdin && pipe2(in, O_CLOEXEC) != 0) ||
        (options.pipeStdout && pipe2(out, O_CLOEXEC) != 0) || pipe2(err, O_CLOEXEC) != 0)
        failStart(argv.at(0));
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const std::vector<std::string> env = childEnvironment(options.environment);
    std::vector<char*> envp;
    envp.reserve(env.size() + 1);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) failStart(argv.at(0));
    if (pid_ == 0) {
        int devnull = ::open("/dev/null", O_RDWR);
        dup2(options.pipeStdin ? in[0] : devnull, STDIN_FILENO);
        dup2(options.pipeStdout ? out[1] : devnull, STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        (void)signal(SIGPIPE, SIG_DFL);  // best effort: the tool runs either way
        execvpe(args[0], args.data(), envp.data());
        dprintf(STDERR_FILENO, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    if (deadline) killOnGiveUp_ = deadline->onGiveUp([pid = pid_] { kill(pid, SIGKILL); });
    if (options.pipeStdin) {
        ::close(in[0]);
        stdin_ = in[1];
    }
    if (options.pipeStdout) {
        ::close(out[1]);
        stdout_ = out[0];
    }
    ::close(err[1]);
    stderr_ = err[0];
}

Subprocess::~Subprocess() {
    closeFd(stdin_);
    closeFd(stdout_);
    closeFd(stderr_);
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        killOnGiveUp_.reset();
        const auto until = std::chrono::steady_clock::now() + kDeathWait;
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (waitpid(pid_, &status, WNOHANG) == 0) {
            // Stuck in the kernel: it dies, and is reaped here, once the device answers.
            base::abandonedThreads().add();
            std::thread([pid = pid_] {
                int ignored = 0;
                while (waitpid(pid, &ignored, 0) < 0 && errno == EINTR) {
                }
                base::abandonedThreads().remove();
            }).detach();
        }
    }
}

void Subprocess::closeStdin() {
    closeFd(stdin_);
}

int Subprocess::wait() {
    closeFd(stdin_);
    if (pid_ <= 0) return -1;
    if (stderr_ >= 0) {
        drain(stderr_, stderrText_, true);
        closeFd(stderr_);
    }
    awaitEnd();
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// Waits for the child to end without reaping it, then drops the kill on give-up: its pid cannot
// be handed to another process before waitpid, so the kill never reaches a stranger.
void Subprocess::awaitEnd() {
    siginfo_t info{};
    while (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
    }
    killOnGiveUp_.reset();
}

std::string lastLine(const std::string& text) {
    size_t end = text.find_last_not_of(" \r\n\t");
    if (end == std::string::npos) return "no message";
    size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start + 1));
}

bool writeAll(int fd, const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

std::string runTool(const std::vector<std::string>& argv, const std::string& input,
                    const std::vector<std::string>& environment) {
    Subprocess child(argv, {.pipeStdin = true, .pipeStdout = true, .environment = environment});
    // Small inputs only (a partition script): they fit the pipe buffer.
    if (!input.empty() && !writeAll(child.stdinFd(), input.data(), input.size()))
        throw CarryOutError(CarryOutError::Kind::Failed,
                            argv[0] + " did not take its input: " + std::strerror(errno));
    child.closeStdin();
    std::string output;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(child.stdoutFd(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (output.size() < (1u << 20)) output.append(buf, static_cast<size_t>(n));
    }
    int rc = child.wait();
    if (rc != 0)
        throw CarryOutError(
            CarryOutError::Kind::Failed,
            argv[0] + " failed (exit " + std::to_string(rc) + "): " + lastLine(child.errorText()));
    return output;
}

}  // namespace massho::image::detail
