#pragma once

#include <cstddef>
#include <string>

namespace massho::base {

// What reading a file that must be a regular file found. The caller words the message: the
// command line for a file a person named, the register's verification for a file of an export.
struct RegularFileRead {
    enum class Problem {
        None,        // `bytes` holds the whole file
        CannotOpen,  // open(2) failed: `error` (ENOENT, EACCES, ELOOP for a symlink loop, ...)
        Folder,      // a directory
        NotRegular,  // a FIFO, a device or a socket: never read, so never waited on
        TooLarge,    // larger than the bound (also when it grew past it while being read)
        ReadFailed,  // fstat(2) or read(2) failed: `error`
    };
    Problem problem = Problem::None;
    int error = 0;
    std::string bytes;
};

// Reads the whole of `path`, and only if it is a regular file of at most `maxBytes`: opened with
// O_NONBLOCK so that a FIFO is never waited on, checked with fstat before the first byte is read,
// and read against the bound, so that a folder, a pipe or a huge file in its place is named
// instead of blocking, throwing from inside a stream or exhausting memory. Never throws for what
// it finds on disk.
RegularFileRead readRegularFile(const std::string& path, std::size_t maxBytes);

}  // namespace massho::base
