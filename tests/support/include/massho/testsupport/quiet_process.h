#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace massho::testsupport {

// A helper program a test leaves running (nbdkit, nbdfuse), argv[0] looked up in PATH, its
// standard error dropped (nbdkit logs every request it fails on purpose). Throws
// std::runtime_error when it cannot be started.
pid_t startQuietly(const std::vector<std::string>& argv);

// Sends `signal` to `pid` and waits for it to end; `pid` is -1 afterwards. Nothing for pid <= 0.
void endProcess(pid_t& pid, int signal);

// Polls `ready` every 50 ms for up to 10 s; throws std::runtime_error(`what`) if it never is.
void waitUntil(const std::function<bool()>& ready, const std::string& what);

}  // namespace massho::testsupport
