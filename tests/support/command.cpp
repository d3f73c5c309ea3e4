#include "massho/testsupport/command.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace massho::testsupport {
namespace {

// Pumps stdin/stdout/stderr with poll() so that a child writing a lot never deadlocks against us.
void pump(int inFd, const std::string& input, int outFd, int errFd, CommandResult& result) {
    size_t written = 0;
    if (input.empty()) {
        close(inFd);
        inFd = -1;
    }
    char buf[65536];
    while (outFd >= 0 || errFd >= 0) {
        pollfd fds[3];
        int n = 0;
        int outIdx = -1, errIdx = -1, inIdx = -1;
        if (outFd >= 0) {
            fds[n] = {outFd, POLLIN, 0};
            outIdx = n++;
        }
        if (errFd >= 0) {
            fds[n] = {errFd, POLLIN, 0};
            errIdx = n++;
        }
        if (inFd >= 0) {
            fds[n] = {inFd, POLLOUT, 0};
            inIdx = n++;
        }
        if (poll(fds, n, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        auto drain = [&](int idx, int& fd, std::string& sink) {
            if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
            ssize_t got = read(fd, buf, sizeof buf);
            if (got > 0)
                sink.append(buf, static_cast<size_t>(got));
            else {
                close(fd);
                fd = -1;
            }
        };
        drain(outIdx, outFd, result.out);
        drain(errIdx, errFd, result.err);
        if (inIdx >= 0 && (fds[inIdx].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t put = write(inFd, input.data() + written, input.size() - written);
            if (put > 0) written += static_cast<size_t>(put);
            if (put <= 0 || written == input.size()) {
                close(inFd);
                inFd = -1;
            }
        }
    }
    if (inFd >= 0) close(inFd);
}

}  // namespace

CommandResult runCommand(const std::vector<std::string>& argv, const std::string& input) {
    CommandResult result;
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) return result;
    (void)signal(SIGPIPE, SIG_IGN);  // cannot fail for SIGPIPE; a closed stdin is then an EPIPE
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        std::vector<char*> args;
        args.reserve(argv.size() + 1);
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        dprintf(2, "cannot run %s: %s\n", args[0], strerror(errno));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    pump(in[1], input, out[0], err[0], result);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string runChecked(const std::vector<std::string>& argv, const std::string& input) {
    CommandResult r = runCommand(argv, input);
    if (r.exitCode != 0) {
        std::string line;
        for (const auto& a : argv) line += a + " ";
        ADD_FAILURE() << "command failed (" << r.exitCode << "): " << line << "\n" << r.err;
    }
    return r.out;
}

}  // namespace massho::testsupport
