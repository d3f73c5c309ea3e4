#pragma once

#include <unistd.h>

namespace massho::image::detail {

// Owns one file descriptor and closes it. image/ keeps its own (erase/ and records/ have theirs)
// until the shared base library planned for the application layer exists.
class UniqueFd {
  public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace massho::image::detail
