#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace massho::image {

// An std::ostream that writes to a file descriptor (a pipe into mcopy) and computes the SHA-256
// and length of exactly the bytes written: the ciphertext hash the register records is taken
// while streaming, never from a second read. A failed write sets badbit (AgeWriter then throws
// IoError) and keeps errno in lastErrno().
class HashingFdStream : public std::ostream {
  public:
    explicit HashingFdStream(int fd);
    ~HashingFdStream() override;

    // Flushes, then the SHA-256 (lower-case hex) of everything written. Call once, at the end.
    std::string finishSha256();
    uint64_t bytesWritten() const;
    int lastErrno() const;

  private:
    class Buf;
    std::unique_ptr<Buf> buf_;
};

}  // namespace massho::image
