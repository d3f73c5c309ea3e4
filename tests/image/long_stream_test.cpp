// Several GiB streamed through age in both directions with constant memory (CTest label
// `long`): our encryptor into `age -d`, and `age -r` into our decryptor, over pipes, never held
// in memory or on disk. Each side hashes the plaintext; the process' peak RSS must stay small.

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <streambuf>

#include "age_test_support.h"
#include "massho/image/age.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::image::test {
namespace {

constexpr uint64_t kStreamBytes = uint64_t{4} << 30;  // 4 GiB
constexpr long kMaxRssKiB = 128 * 1024;               // far below any buffered GiB
constexpr size_t kBlock = 1 << 20;

struct PipeCloser {
    void operator()(FILE* f) const {
        if (f) pclose(f);
    }
};
using Pipe = std::unique_ptr<FILE, PipeCloser>;

struct MdFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

class Sha256 {
  public:
    Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr); }
    void update(const void* p, size_t n) { EVP_DigestUpdate(ctx_.get(), p, n); }
    std::string hex() {
        uint8_t md[32];
        unsigned len = 0;
        EVP_DigestFinal_ex(ctx_.get(), md, &len);
        return toHex(std::span<const uint8_t>(md, len));
    }

  private:
    std::unique_ptr<EVP_MD_CTX, MdFree> ctx_;
};

// An output stream that only hashes and counts.
class HashingBuf : public std::streambuf {
  public:
    Sha256 sha;
    uint64_t count = 0;

  protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        sha.update(s, static_cast<size_t>(n));
        count += static_cast<uint64_t>(n);
        return n;
    }
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) {
            char ch = static_cast<char>(c);
            xsputn(&ch, 1);
        }
        return traits_type::not_eof(c);
    }
};

// Reads from a FILE* (the pipe) through a fixed buffer.
class FileReadBuf : public std::streambuf {
  public:
    explicit FileReadBuf(FILE* f) : f_(f), buf_(kBlock) {}

  protected:
    int_type underflow() override {
        size_t n = fread(buf_.data(), 1, buf_.size(), f_);
        if (n == 0) return traits_type::eof();
        setg(buf_.data(), buf_.data(), buf_.data() + n);
        return traits_type::to_int_type(buf_[0]);
    }

  private:
    FILE* f_;
    std::vector<char> buf_;
};

class FileWriteBuf : public std::streambuf {
  public:
    explicit FileWriteBuf(FILE* f) : f_(f) {}

  protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        return static_cast<std::streamsize>(fwrite(s, 1, static_cast<size_t>(n), f_));
    }
    int_type overflow(int_type c) override {
        if (c == traits_type::eof()) return traits_type::not_eof(c);
        char ch = static_cast<char>(c);
        return fwrite(&ch, 1, 1, f_) == 1 ? c : traits_type::eof();
    }
    int sync() override { return fflush(f_) == 0 ? 0 : -1; }

  private:
    FILE* f_;
};

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::cout << "peak RSS of this process: " << usage.ru_maxrss / 1024 << " MiB\n";
    return usage.ru_maxrss;
}

TEST(AgeLongStream, FourGiBFromUsDecryptWithAge) {
    testsupport::TempDir dir;
    X25519Identity id = X25519Identity::generate();
    writeFile(dir / "key.txt", id.toString() + "\n");
    std::string cmd = "age -d -i '" + (dir / "key.txt").string() + "' | sha256sum > '" +
                      (dir / "sum").string() + "'";
    // A fixed pipeline through the real age and sha256sum; the only variable part is our own
    // temporary folder, quoted.
    Pipe pipe(popen(cmd.c_str(), "w"));  // NOLINT(cert-env33-c)
    ASSERT_TRUE(pipe);
    FileWriteBuf out(pipe.get());
    std::ostream os(&out);
    Sha256 expected;
    {
        AgeWriter writer(os, {id.recipient()});
        std::vector<uint8_t> block(kBlock);
        for (uint64_t done = 0; done < kStreamBytes; done += kBlock) {
            // Varying content: every block differs, so a reordered chunk would be caught.
            for (size_t i = 0; i < block.size(); i += 8) std::memcpy(&block[i], &done, 8);
            block[0] ^= static_cast<uint8_t>(done >> 20);
            writer.write(block);
            expected.update(block.data(), block.size());
        }
        writer.finish();
    }
    ASSERT_EQ(pclose(pipe.release()), 0) << "age -d failed on our 4 GiB stream";
    EXPECT_EQ(readFile(dir / "sum").substr(0, 64), expected.hex());
    EXPECT_LT(peakRssKiB(), kMaxRssKiB) << "memory grew with the stream";
}

TEST(AgeLongStream, FourGiBFromAgeDecryptWithUs) {
    X25519Identity id = X25519Identity::generate();
    std::string cmd = "head -c " + std::to_string(kStreamBytes) + " /dev/zero | age -r " +
                      id.recipient().toString();
    // A fixed pipeline (head | age); the only variable part is a recipient we generated.
    Pipe pipe(popen(cmd.c_str(), "r"));  // NOLINT(cert-env33-c)
    ASSERT_TRUE(pipe);
    FileReadBuf in(pipe.get());
    std::istream is(&in);
    HashingBuf sink;
    std::ostream os(&sink);
    DecryptionKeys keys;
    keys.identities.push_back(id.clone());
    EXPECT_EQ(decrypt(is, os, keys), kStreamBytes);
    EXPECT_EQ(pclose(pipe.release()), 0);

    Sha256 zeros;
    std::vector<uint8_t> block(kBlock, 0);
    for (uint64_t done = 0; done < kStreamBytes; done += kBlock) zeros.update(block.data(), kBlock);
    EXPECT_EQ(sink.count, kStreamBytes);
    EXPECT_EQ(sink.sha.hex(), zeros.hex());
    EXPECT_LT(peakRssKiB(), kMaxRssKiB) << "memory grew with the stream";
}

}  // namespace
}  // namespace massho::image::test
