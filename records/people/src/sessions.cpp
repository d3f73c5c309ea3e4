#include "massho/records/people/sessions.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

std::string sha256(std::string_view bytes) {
    const base::Sha256 digest = base::sha256(bytes);
    return std::string(digest.begin(), digest.end());
}

std::string newToken() {
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1)
        throw RecordsError("the system random generator failed: check /dev/urandom");
    std::string token = base::hexEncode(std::string_view(reinterpret_cast<char*>(raw), sizeof raw));
    OPENSSL_cleanse(raw, sizeof raw);
    return token;
}

}  // namespace

Sessions::Sessions(Users& users, Clock clock, std::chrono::minutes idle, std::chrono::hours maxAge)
    : users_(users), clock_(std::move(clock)), idle_(idle), maxAge_(maxAge) {}

std::string Sessions::open(const std::string& id, std::string_view password) {
    const TimePoint now = clock_();
    User user = users_.authenticate(id, password, now);
    std::string token = newToken();
    byTokenHash_[sha256(token)] = Entry{user.id, now, now};
    return token;
}

bool Sessions::ended(const Entry& entry, TimePoint now) const {
    return now - entry.lastUsed >= idle_ || now - entry.opened >= maxAge_;
}

std::optional<User> Sessions::use(std::string_view token) {
    const TimePoint now = clock_();
    // Looked up by digest: comparing digests of a 256-bit token reveals nothing useful.
    auto it = byTokenHash_.find(sha256(token));
    if (it == byTokenHash_.end()) return std::nullopt;
    std::optional<User> user = users_.find(it->second.userId);
    bool accountGone =
        !user || user->disabled || (user->expires && formatDate(now) > *user->expires);
    if (ended(it->second, now) || accountGone) {
        byTokenHash_.erase(it);
        return std::nullopt;
    }
    it->second.lastUsed = now;
    return user;
}

void Sessions::close(std::string_view token) {
    byTokenHash_.erase(sha256(token));
}

size_t Sessions::sweep() {
    const TimePoint now = clock_();
    std::erase_if(byTokenHash_, [&](const auto& kv) { return ended(kv.second, now); });
    return byTokenHash_.size();
}

}  // namespace massho::records
