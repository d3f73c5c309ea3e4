#include "massho/image/hashing_sink.h"

#include <openssl/evp.h>

#include <cerrno>

#include "massho/base/hex.h"
#include "massho/base/openssl_ptr.h"
#include "massho/image/errors.h"
#include "subprocess.h"

namespace massho::image {

class HashingFdStream::Buf : public std::streambuf {
  public:
    explicit Buf(int fd) : fd_(fd), buffer_(64 * 1024), md_(EVP_MD_CTX_new()) {
        if (!md_ || EVP_DigestInit_ex(md_.get(), EVP_sha256(), nullptr) != 1)
            throw CryptoError("SHA-256 could not be started");
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

    std::string finish() {
        if (sync() != 0) throw IoError("writing the last ciphertext bytes failed");
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned size = 0;
        if (EVP_DigestFinal_ex(md_.get(), digest, &size) != 1)
            throw CryptoError("SHA-256 could not be finished");
        return base::hexEncode(std::string_view(reinterpret_cast<const char*>(digest), size));
    }
    uint64_t written() const { return written_; }
    int lastErrno() const { return errno_; }

  protected:
    int_type overflow(int_type ch) override {
        if (!flushBuffer()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return flushBuffer() ? 0 : -1; }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        // Large writes (whole 64 KiB chunks) bypass the buffer: no extra copy.
        if (n < static_cast<std::streamsize>(buffer_.size()) / 2)
            return std::streambuf::xsputn(s, n);
        if (!flushBuffer() || !deliver(s, static_cast<size_t>(n))) return 0;
        return n;
    }

  private:
    // Writes and hashes (not named emit: that is a Qt keyword macro, and cppcheck reads it as one).
    bool deliver(const char* data, size_t size) {
        if (failed_) return false;
        if (!detail::writeAll(fd_, data, size)) {
            errno_ = errno;
            failed_ = true;
            return false;
        }
        if (EVP_DigestUpdate(md_.get(), data, size) != 1) {
            failed_ = true;
            return false;
        }
        written_ += size;
        return true;
    }
    bool flushBuffer() {
        size_t pending = static_cast<size_t>(pptr() - pbase());
        bool ok = pending == 0 || deliver(pbase(), pending);
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return ok;
    }

    int fd_;
    std::vector<char> buffer_;
    base::MdCtxPtr md_;
    uint64_t written_ = 0;
    int errno_ = 0;
    bool failed_ = false;
};

HashingFdStream::HashingFdStream(int fd) : std::ostream(nullptr), buf_(std::make_unique<Buf>(fd)) {
    rdbuf(buf_.get());
}

HashingFdStream::~HashingFdStream() = default;

std::string HashingFdStream::finishSha256() {
    return buf_->finish();
}
uint64_t HashingFdStream::bytesWritten() const {
    return buf_->written();
}
int HashingFdStream::lastErrno() const {
    return buf_->lastErrno();
}

}  // namespace massho::image
