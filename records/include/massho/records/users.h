#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/clock.h"
#include "massho/records/database.h"
#include "massho/records/register.h"
#include "massho/records/roles.h"

namespace massho::records {

// One account (POLICY.md "People and accounts"). Timestamps are RFC 3339 UTC; `expires` is the
// last valid day, YYYY-MM-DD (UTC).
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
    size_t minPasswordLength = 12;  // Art. 13(4): long and hard to guess
    size_t maxPasswordLength = 1024;
    int maxFailedLogins = 5;  // consecutive failures before a lock
    std::chrono::minutes lockout{15};
};

// IDs: [a-z0-9][a-z0-9._-]{0,31}.
bool isValidUserId(std::string_view id);

// The users table. Every change appends its register entry in the same transaction as the row.
class Users {
  public:
    Users(Database& db, Register& log, Clock clock = systemClock(), UserPolicy policy = {});

    // The first administrator, recorded with by = "init"; refused once any user exists.
    User addInitialAdmin(const NewUser& user, std::string_view password);
    // `byAdmin` must be an enabled administrator (the caller authenticated them).
    User add(const NewUser& user, std::string_view password, const std::string& byAdmin);

    // Returns the user, or appends a login-failed entry and throws AuthError: "wrong user ID or
    // password" for an unknown ID and a wrong password alike, "account disabled", "account
    // expired on DATE", "account locked until TIME". `maxFailedLogins` consecutive failures lock
    // the account for `lockout` (a user-locked entry).
    User authenticate(const std::string& id, std::string_view password, TimePoint now);
    User authenticate(const std::string& id, std::string_view password) {
        return authenticate(id, password, clock_());
    }

    std::optional<User> find(const std::string& id) const;
    User get(const std::string& id) const;  // throws UserError for an unknown ID
    std::vector<User> list() const;
    size_t count() const;

    void disable(const std::string& id, const std::string& byAdmin);
    void enable(const std::string& id, const std::string& byAdmin);
    // By the user themselves or an administrator; clears any lock.
    void changePassword(const std::string& id, std::string_view newPassword, const std::string& by);

    const UserPolicy& policy() const { return policy_; }

  private:
    User insert(const NewUser& user, std::string_view password, const std::string& by);
    void requireActiveAdmin(const std::string& byAdmin) const;
    void checkPassword(std::string_view password) const;
    void recordFailure(const std::string& givenId, const char* reason, const User* user,
                       TimePoint now);
    [[noreturn]] void refuse(const std::string& givenId, const char* reason, const User* user,
                             TimePoint now, const std::string& message);
    void setDisabled(const std::string& id, bool disabled, const std::string& byAdmin);

    Database& db_;
    Register& log_;
    Clock clock_;
    UserPolicy policy_;
};

}  // namespace massho::records
