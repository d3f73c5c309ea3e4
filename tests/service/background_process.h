#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "massho/base/unique_fd.h"

namespace massho::testing {

// A program left running while the test talks to it (a bus, a service stand-in): started with its
// standard output and error going to files, a pipe on its standard input, and stopped (SIGTERM,
// then waited for) when the object goes, so no test leaves a process behind.
class BackgroundProcess {
  public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& out,
                      const std::filesystem::path& err);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    bool started() const { return pid_ > 0; }
    // End of file on its standard input.
    void closeInput() { input_.reset(); }
    // Waits for it to exit on its own; its exit code, or -1 when a signal ended it.
    int wait();

  private:
    pid_t pid_ = -1;
    base::UniqueFd input_;
};

}  // namespace massho::testing
