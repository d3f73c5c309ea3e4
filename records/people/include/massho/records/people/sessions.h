#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "massho/records/register/clock.h"
#include "massho/records/people/users.h"

namespace massho::records {

// Logged-in people of a long-running process (the daemon serving the kiosk; the CLI
// authenticates per command instead). A session ends after `idle` without use, after `maxAge`
// in any case, on close(), or as soon as its account is disabled or expires. Tokens are 256
// random bits; only their SHA-256 is kept, so the table holds nothing that opens a session.
class Sessions {
  public:
    Sessions(Users& users, Clock clock, std::chrono::minutes idle, std::chrono::hours maxAge);

    // Authenticates (Users::authenticate: failures recorded, locks apply) and returns a token.
    std::string open(const std::string& id, std::string_view password);
    // The session's user, refreshing its idle timer; std::nullopt when the token is unknown
    // or the session has ended (it is then forgotten).
    std::optional<User> use(std::string_view token);
    void close(std::string_view token);
    // Forgets every ended session; returns how many are still open.
    size_t sweep();

  private:
    struct Entry {
        std::string userId;
        TimePoint opened;
        TimePoint lastUsed;
    };
    bool ended(const Entry& entry, TimePoint now) const;

    Users& users_;
    Clock clock_;
    std::chrono::minutes idle_;
    std::chrono::hours maxAge_;
    std::map<std::string, Entry> byTokenHash_;
};

}  // namespace massho::records
