#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "massho/base/progress_deadline.h"

namespace massho::image::detail {

// A child program (sfdisk, mkfs.vfat, mcopy…) run without a shell. Its standard error is captured
// (bounded) for the one-line message when it fails. Killed if still running on destruction and
// reaped, so no zombie or stray writer outlives the step that started it; a child that does not
// die at once (stuck in the kernel on a device that stopped answering: D state, where SIGKILL
// waits) is reaped by a thread of its own instead, counted by base::abandonedThreads().
// Started under a progress deadline (base::ProgressDeadline::current(), the carry-out's medium
// writing), it is killed when the deadline gives up, and none is started once it has.
class Subprocess {
  public:
    struct Options {
        bool pipeStdin = false;   // stdinFd() writes to the child's standard input
        bool pipeStdout = false;  // stdoutFd() reads the child's standard output
        // "NAME=VALUE" entries added to (or replacing in) this process's environment, for the
        // child only: never setenv(), which races with every other thread of a service.
        std::vector<std::string> environment;
    };
    Subprocess(const std::vector<std::string>& argv, const Options& options);
    ~Subprocess();
    Subprocess(const Subprocess&) = delete;
    Subprocess& operator=(const Subprocess&) = delete;

    int stdinFd() const { return stdin_; }
    int stdoutFd() const { return stdout_; }
    void closeStdin();
    // Waits; returns the exit status (128 + signal when killed). Collects stderr.
    int wait();
    const std::string& errorText() const { return stderrText_; }

  private:
    void awaitEnd();

    pid_t pid_ = -1;
    base::ProgressDeadline::Hook killOnGiveUp_;
    int stdin_ = -1, stdout_ = -1, stderr_ = -1;
    std::string stderrText_;
};

// Runs to completion with `input` on stdin; throws CarryOutError(Failed) naming the program and
// its last stderr line when it exits non-zero. Returns its standard output.
std::string runTool(const std::vector<std::string>& argv, const std::string& input = {},
                    const std::vector<std::string>& environment = {});

// The last non-empty line of a tool's stderr, for one-line messages.
std::string lastLine(const std::string& text);

// Writes all of `size` bytes to `fd` (EINTR-safe). False on any error (errno kept).
bool writeAll(int fd, const void* data, size_t size);

}  // namespace massho::image::detail
