#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/people/password_hash.h"
#include "massho/records/people/password_rules.h"
#include "massho/records/people/roles.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/database.h"
#include "massho/records/register/register.h"

namespace massho::records {

// One account (the city's standard, Art. 13, 17, 20(9)). Timestamps are RFC 3339 UTC; `expires`
// is the last valid day, YYYY-MM-DD (UTC).
struct User {
    std::string id;
    std::string name;
    RoleSet roles;
    std::optional<std::string> expires;
    bool disabled = false;
    std::string created;
    std::optional<std::string> lastLogin;
    int failedCount = 0;
    std::optional<std::string> lockedUntil;
    std::string passwordChanged;

    bool hasRole(Role role) const { return roles.contains(role); }
};

struct NewUser {
    std::string id;
    std::string name;  // defaults to the ID when empty
    RoleSet roles;
    std::optional<std::string> expires;  // YYYY-MM-DD
};

struct UserPolicy {
    PasswordRules password;   // Art. 13(4): long, hard to guess, changed regularly
    int maxFailedLogins = 5;  // consecutive failures before a lock
    std::chrono::minutes lockout{15};
};

// Failures further apart than this do not add up to a lock (the count starts again). The same
// rule applies to unknown IDs, so that old failure counts cannot tell them apart.
inline constexpr std::chrono::hours kFailureMemory{24};

// What a login is for: a password past its maximum age is accepted only to change it.
enum class AuthPurpose { Login, ChangePassword };

// IDs: [a-z0-9][a-z0-9._-]{0,31}.
bool isValidUserId(std::string_view id);

// The users table. Every change appends its register entry in the same transaction as the row.
class Users {
  public:
    // `kdf` is the real scrypt unless a test wraps it to count the work done.
    Users(Database& db, Register& log, Clock clock = systemClock(), const UserPolicy& policy = {},
          Kdf kdf = scryptKdf());

    // The first administrator, recorded with by = "init"; refused once any user exists.
    User addInitialAdmin(const NewUser& user, std::string_view password);
    // `byAdmin` must be an enabled administrator (the caller authenticated them).
    User add(const NewUser& user, std::string_view password, const std::string& byAdmin);

    // Returns the user, or appends a login-failed entry and throws AuthError: "wrong user ID or
    // password" for an unknown ID and a wrong password alike, "account locked until TIME", and
    // only once the password was right: "account disabled", "account expired on DATE", or
    // PasswordExpiredError (purpose Login only). `maxFailedLogins` consecutive failures lock the
    // ID for `lockout` (a user-locked entry) — unknown IDs too, with the same messages.
    //
    // Register growth is bounded: a locked ID's refusals (and those of malformed IDs, which all
    // count as one ID) are counted, not appended one by one, and become a single login-failed
    // entry (reason "locked", with `count`, `first` and `last`) at the first authentication
    // after the lock has ended. So each lock period adds at most maxFailedLogins + 2 entries.
    //
    // Timing: a locked ID (known or unknown) is refused before any scrypt work; otherwise exactly
    // one scrypt with the stored (or, for an unknown ID, the default) parameters runs, so the
    // time taken does not tell whether an ID exists.
    User authenticate(const std::string& id, std::string_view password, TimePoint now,
                      AuthPurpose purpose = AuthPurpose::Login);
    User authenticate(const std::string& id, std::string_view password) {
        return authenticate(id, password, clock_());
    }

    std::optional<User> find(const std::string& id) const;
    User get(const std::string& id) const;  // throws UserError for an unknown ID
    std::vector<User> list() const;
    size_t count() const;
    // Enabled accounts not used (last login, or creation when never logged in) for `unusedFor`
    // at `now` (Art. 17: unused IDs are found and not left lying around).
    std::vector<User> dormant(std::chrono::days unusedFor, TimePoint now) const;
    // True when the password is older than the policy's maximum age at `now`.
    bool passwordExpired(const User& user, TimePoint now) const;

    void disable(const std::string& id, const std::string& byAdmin);
    void enable(const std::string& id, const std::string& byAdmin);
    // By the user themselves or an administrator; clears any lock. The new password must pass
    // the strength rules and differ from the current one.
    void changePassword(const std::string& id, std::string_view newPassword, const std::string& by);

    const UserPolicy& policy() const { return policy_; }

  private:
    User insert(const NewUser& user, std::string_view password, const std::string& by);
    void requireActiveAdmin(const std::string& byAdmin) const;
    void checkPassword(std::string_view password, std::string_view id) const;
    void recordFailure(const std::string& givenId, const char* reason, const User* user,
                       TimePoint now);
    void countFailure(const std::string& id, bool known, TimePoint now);
    std::optional<std::string> lockedUntil(const std::string& id, bool known) const;
    [[noreturn]] void refuseWhileLocked(const std::string& id, const std::string& until,
                                        TimePoint now, const std::string& message);
    void summariseEndedLocks(TimePoint now);
    [[noreturn]] void refuse(const std::string& givenId, const char* reason, const User* user,
                             TimePoint now, const std::string& message);
    void setDisabled(const std::string& id, bool disabled, const std::string& byAdmin);

    Database& db_;
    Register& register_;
    Clock clock_;
    UserPolicy policy_;
    Kdf kdf_;
};

}  // namespace massho::records
