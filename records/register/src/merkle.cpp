#include "massho/records/register/merkle.h"

#include <openssl/evp.h>

#include <bit>
#include <cstring>

#include "massho/records/register/errors.h"
#include "massho/base/openssl_ptr.h"

namespace massho::records {
namespace {

// One fetched SHA-256 and one reusable context per thread: verification hashes millions of small
// inputs, where per-call fetches would dominate.
class Sha256 {
  public:
    Sha256() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {
        if (!md_ || !ctx_) throw RecordsError("OpenSSL has no SHA-256: check the OpenSSL install");
    }
    ~Sha256() { EVP_MD_free(md_); }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    Hash digest(unsigned char prefix, std::string_view a, std::string_view b = {}) {
        Hash out;
        unsigned int len = 0;
        bool ok = EVP_DigestInit_ex2(ctx_.get(), md_, nullptr) == 1 &&
                  EVP_DigestUpdate(ctx_.get(), &prefix, 1) == 1 &&
                  EVP_DigestUpdate(ctx_.get(), a.data(), a.size()) == 1 &&
                  (b.empty() || EVP_DigestUpdate(ctx_.get(), b.data(), b.size()) == 1) &&
                  EVP_DigestFinal_ex(ctx_.get(), out.data(), &len) == 1;
        if (!ok || len != out.size()) throw RecordsError("SHA-256 failed inside OpenSSL");
        return out;
    }

  private:
    EVP_MD* md_;
    base::MdCtxPtr ctx_;
};

Sha256& hasher() {
    thread_local Sha256 instance;
    return instance;
}

}  // namespace

std::string_view hashView(const Hash& h) {
    return {reinterpret_cast<const char*>(h.data()), h.size()};
}

Hash hashFromBytes(std::string_view bytes) {
    if (bytes.size() != 32) throw RecordsError("a SHA-256 hash is 32 bytes");
    Hash h;
    std::memcpy(h.data(), bytes.data(), h.size());
    return h;
}

Hash leafHash(std::string_view entry) {
    return hasher().digest(0x00, entry);
}

Hash nodeHash(const Hash& left, const Hash& right) {
    return hasher().digest(0x01, hashView(left), hashView(right));
}

Hash emptyTreeHash() {
    Hash out;
    unsigned int len = 0;
    EVP_Digest("", 0, out.data(), &len, EVP_sha256(), nullptr);
    return out;
}

uint64_t splitPoint(uint64_t n) {
    return std::bit_floor(n - 1);
}

bool verifyInclusion(uint64_t index, uint64_t size, const Hash& leaf,
                     const std::vector<Hash>& proof, const Hash& root) {
    // RFC 9162 §2.1.3.2, step by step.
    if (index >= size) return false;
    uint64_t fn = index, sn = size - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
        if (sn == 0) return false;
        if ((fn & 1) || fn == sn) {
            r = nodeHash(p, r);
            if (!(fn & 1))
                while (fn != 0 && !(fn & 1)) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root;
}

bool verifyConsistency(uint64_t size1, uint64_t size2, const Hash& root1, const Hash& root2,
                       const std::vector<Hash>& proof) {
    // RFC 9162 §2.1.4.2.
    if (size1 > size2) return false;
    if (size1 == size2) return proof.empty() && root1 == root2;
    if (size1 == 0) return proof.empty();
    if (proof.empty()) return false;
    std::vector<Hash> path = proof;
    if (std::has_single_bit(size1)) path.insert(path.begin(), root1);
    uint64_t fn = size1 - 1, sn = size2 - 1;
    while (fn & 1) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = path[0], sr = path[0];
    for (size_t i = 1; i < path.size(); ++i) {
        const Hash& c = path[i];
        if (sn == 0) return false;
        if ((fn & 1) || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            if (!(fn & 1))
                while (fn != 0 && !(fn & 1)) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == root1 && sr == root2 && sn == 0;
}

void CompactRange::append(const Hash& leaf) {
    stack_.push_back(leaf);
    // Merge equal-sized neighbours: the trailing one bits of the old size say how many.
    for (uint64_t s = size_; s & 1; s >>= 1) {
        Hash right = stack_.back();
        stack_.pop_back();
        stack_.back() = nodeHash(stack_.back(), right);
    }
    ++size_;
}

Hash CompactRange::root() const {
    if (stack_.empty()) return emptyTreeHash();
    Hash h = stack_.back();
    for (size_t i = stack_.size() - 1; i-- > 0;) h = nodeHash(stack_[i], h);
    return h;
}

}  // namespace massho::records
