#include "secret_input.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

#include "cli_error.h"

namespace massho::cli {
namespace {

constexpr size_t kMaxSecretBytes = 1024;  // inputs are bounded

// Reads one line byte by byte (no stdio buffering: later lines stay in the pipe for the next
// secret, and nothing secret lingers in a FILE buffer).
bool readLine(int fd, std::string& line) {
    line.clear();
    line.reserve(kMaxSecretBytes + 1);  // no reallocation: no unwiped copies left behind
    char c;
    for (;;) {
        ssize_t n = read(fd, &c, 1);
        if (n <= 0) return !line.empty();
        if (c == '\n') return true;
        if (line.size() >= kMaxSecretBytes)
            throw badInput("a password line is longer than 1024 bytes");
        line.push_back(c);
    }
}

class EchoOff {
  public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (tcgetattr(fd_, &saved_) == 0) {
            termios quiet = saved_;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            active_ = tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff() {
        if (active_) tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

}  // namespace

Secret SecretInput::next(const std::string& prompt) {
    Secret secret;  // read straight into the wiped buffer: no stray copy of the password
    std::string& line = secret.mutableValue();
    if (fromStdin_) {
        if (!readLine(STDIN_FILENO, line))
            throw badInput("standard input ended before the " + prompt +
                           " line (--password-stdin reads one secret per line)");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return secret;
    }
    int tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0) throw badInput("no terminal to ask for the " + prompt + ": use --password-stdin");
    dprintf(tty, "%s: ", prompt.c_str());
    bool got;
    {
        EchoOff quiet(tty);
        got = readLine(tty, line);
    }
    dprintf(tty, "\n");
    close(tty);
    if (!got) throw badInput("no " + prompt + " given");
    return secret;
}

}  // namespace massho::cli
