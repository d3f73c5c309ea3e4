#include "massho/records/people/users.h"

#include <algorithm>

#include "massho/base/reason.h"
#include "massho/records/people/password_hash.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

constexpr const char* kSelectUser =
    "SELECT id, name, roles, expires, disabled, created, last_login, failed_count, locked_until, "
    "password_changed, password_hash FROM users";

// The reason key a front-end translates (base/reason.h) for a login refused for `failure`, the
// reason the register records: an unknown ID, a malformed one and a wrong password give one
// answer, so that it never tells whether an ID exists.
const char* loginReasonKey(std::string_view failure) {
    if (failure == "disabled") return "login.disabled";
    if (failure == "expired") return "login.expired";
    return "login.wrong";
}

User readUser(const Statement& row) {
    User u;
    u.id = row.text(0);
    u.name = row.text(1);
    u.roles = splitRoles(row.text(2));
    u.expires = row.optionalText(3);
    u.disabled = row.integer(4) != 0;
    u.created = row.text(5);
    u.lastLogin = row.optionalText(6);
    u.failedCount = static_cast<int>(row.integer(7));
    u.lockedUntil = row.optionalText(8);
    u.passwordChanged = row.text(9);
    return u;
}

Clock fixedClock(TimePoint t) {
    return [t] { return t; };
}

}  // namespace

bool isValidUserId(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lowerOrDigit(id[0])) return false;
    return std::all_of(id.begin() + 1, id.end(),
                       [&](char c) { return lowerOrDigit(c) || c == '.' || c == '_' || c == '-'; });
}

Users::Users(Database& db, Register& log, Clock clock, const UserPolicy& policy, Kdf kdf)
    : db_(db), register_(log), clock_(std::move(clock)), policy_(policy), kdf_(std::move(kdf)) {}

void Users::checkPassword(std::string_view password, std::string_view id) const {
    checkPasswordStrength(password, id, policy_.password);
}

User Users::insert(const NewUser& user, std::string_view password, const std::string& by) {
    if (!isValidUserId(user.id))
        throw base::withReason(
            UserError("user ID \"" + user.id.substr(0, 40) +
                      "\" is invalid: use 1-32 of a-z 0-9 . _ - starting with a letter or digit"),
            "user.invalid-id", {user.id.substr(0, 40)});
    std::string name = user.name.empty() ? user.id : user.name;
    requireText("--name", name, TextKind::Line);
    if (user.roles.empty())
        throw base::withReason(UserError("a user needs at least one role: add --role ROLE"),
                               "user.no-role");
    if (user.expires && !isValidDate(*user.expires))
        throw base::withReason(UserError("expiry date \"" + user.expires->substr(0, 20) +
                                         "\" is not a date written as " + kDateRule),
                               "user.expiry-invalid", {user.expires->substr(0, 20)});
    // `expires` is the last valid day (UTC, as authenticate() compares it): an account that could
    // never log in is a mistake, not an account.
    if (user.expires && *user.expires < formatDate(clock_()))
        throw base::withReason(
            UserError("expiry date " + *user.expires + " is in the past: give today (" +
                      formatDate(clock_()) + ") or a later day as the last valid day"),
            "user.expiry-past", {*user.expires});
    checkPassword(password, user.id);
    std::string hash = hashPassword(password, ScryptParams{}, kdf_);
    std::string now = formatRfc3339(clock_());

    Transaction tx(db_);
    if (find(user.id))
        throw base::withReason(
            UserError("user \"" + user.id + "\" already exists: choose another ID"), "user.exists",
            {user.id});
    Statement row(db_,
                  "INSERT INTO users(id, name, roles, expires, password_hash, created, "
                  "password_changed) VALUES(?, ?, ?, ?, ?, ?, ?)");
    row.bind(1, user.id).bind(2, name).bind(3, joinRoles(user.roles));
    if (user.expires)
        row.bind(4, *user.expires);
    else
        row.bindNull(4);
    row.bind(5, hash).bind(6, now).bind(7, now).run();

    EntryBuilder entry(EntryKind::UserCreated, fixedClock(clock_()));
    entry.set("id", user.id).set("name", name).set("roles", joinRoles(user.roles)).set("by", by);
    entry.set("expires", user.expires.value_or(""));
    register_.append(entry.finish());
    tx.commit();
    return get(user.id);
}

User Users::addInitialAdmin(const NewUser& user, std::string_view password) {
    if (count() != 0) throw UserError("the register already has users: add users as an admin");
    NewUser admin = user;
    admin.roles.insert(Role::Admin);
    return insert(admin, password, "init");
}

User Users::add(const NewUser& user, std::string_view password, const std::string& byAdmin) {
    requireActiveAdmin(byAdmin);
    return insert(user, password, byAdmin);
}

void Users::requireActiveAdmin(const std::string& byAdmin) const {
    auto admin = find(byAdmin);
    if (!admin || admin->disabled || !admin->hasRole(Role::Admin))
        throw UserError("\"" + byAdmin.substr(0, 40) +
                        "\" is not an enabled administrator: only an admin may change accounts");
}

std::optional<User> Users::find(const std::string& id) const {
    Statement select(db_, std::string(kSelectUser) + " WHERE id = ?");
    if (!select.bind(1, id).step()) return std::nullopt;
    return readUser(select);
}

User Users::get(const std::string& id) const {
    if (auto u = find(id)) return *u;
    throw base::withReason(
        UserError("no user \"" + id.substr(0, 40) + "\": check the ID (massho user list)"),
        "user.unknown", {id.substr(0, 40)});
}

std::vector<User> Users::list() const {
    Statement select(db_, std::string(kSelectUser) + " ORDER BY id");
    std::vector<User> users;
    while (select.step()) users.push_back(readUser(select));
    return users;
}

size_t Users::count() const {
    Statement select(db_, "SELECT count(*) FROM users");
    select.step();
    return static_cast<size_t>(select.integer(0));
}

void Users::recordFailure(const std::string& givenId, const char* reason, const User* user,
                          TimePoint now) {
    Transaction tx(db_);
    // An ID that cannot be an ID may be a password typed into the wrong field: never record it.
    // Malformed IDs all count as the ID "", so that they lock (and stop growing the register)
    // like any other.
    bool plausible = isValidUserId(givenId);
    EntryBuilder entry(EntryKind::LoginFailed, fixedClock(now));
    entry.set("id", plausible ? givenId : "").set("reason", plausible ? reason : "invalid-id");
    register_.append(entry.finish());
    std::string_view why(reason);
    if (!plausible)
        countFailure("", false, now);
    else if (why == "wrong-password" || why == "unknown-user")
        countFailure(givenId, user != nullptr, now);
    tx.commit();
}

void Users::refuseWhileLocked(const std::string& id, const std::string& until, TimePoint now,
                              const std::string& message) {
    const std::string nowText = formatRfc3339(now);
    Statement count(db_,
                    "INSERT INTO login_refusals_while_locked(id, count, first, last, locked_until) "
                    "VALUES(?, 1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET count = count + 1, "
                    "last = excluded.last, "
                    "locked_until = max(locked_until, excluded.locked_until)");
    count.bind(1, id).bind(2, nowText).bind(3, nowText).bind(4, until).run();
    // "" is the malformed IDs' count: they are told the wrong-password line, as unlocked.
    if (id.empty()) throw base::withReason(AuthError(message), "login.wrong");
    throw base::withReason(AuthError(message), "login.locked", {until});
}

void Users::summariseEndedLocks(TimePoint now) {
    const std::string nowText = formatRfc3339(now);
    Transaction tx(db_);
    Statement ended(db_,
                    "SELECT id, count, first, last, locked_until FROM login_refusals_while_locked "
                    "WHERE locked_until <= ? ORDER BY locked_until, id");
    ended.bind(1, nowText);
    bool any = false;
    while (ended.step()) {
        any = true;
        EntryBuilder entry(EntryKind::LoginFailed, fixedClock(now));
        entry.set("id", ended.text(0)).set("reason", "locked").set("count", ended.integer(1));
        entry.set("first", ended.text(2)).set("last", ended.text(3));
        entry.set("until", ended.text(4));
        register_.append(entry.finish());
    }
    if (!any) return;
    Statement forget(db_, "DELETE FROM login_refusals_while_locked WHERE locked_until <= ?");
    forget.bind(1, nowText).run();
    tx.commit();
}

// Known IDs keep their count in users, unknown ones in login_throttle: both behave the same.
void Users::countFailure(const std::string& id, bool known, TimePoint now) {
    const char* table = known ? "users" : "login_throttle";
    std::string nowText = formatRfc3339(now);
    std::string forgetBefore = formatRfc3339(now - kFailureMemory);
    if (!known) {
        // Unknown IDs are forgotten once nothing about them matters any more (bounded table).
        Statement prune(db_,
                        "DELETE FROM login_throttle WHERE last_failure < ? AND "
                        "(locked_until IS NULL OR locked_until < ?)");
        prune.bind(1, forgetBefore).bind(2, nowText).run();
        Statement add(db_,
                      "INSERT OR IGNORE INTO login_throttle(id, failed_count, last_failure) "
                      "VALUES(?, 0, ?)");
        add.bind(1, id).bind(2, nowText).run();
    }
    Statement read(
        db_, std::string("SELECT failed_count, last_failure FROM ") + table + " WHERE id = ?");
    read.bind(1, id).step();
    auto last = read.optionalText(1);
    int failures = (last && *last >= forgetBefore ? static_cast<int>(read.integer(0)) : 0) + 1;
    std::optional<std::string> until;
    if (failures >= policy_.maxFailedLogins) {
        until = formatRfc3339(now + policy_.lockout);
        EntryBuilder lock(EntryKind::UserLocked, fixedClock(now));
        lock.set("id", id).set("until", *until).set("failures", int64_t{failures});
        lock.set("account", known ? "existing" : id.empty() ? "malformed-ids" : "unknown");
        register_.append(lock.finish());
        failures = 0;
    }
    Statement update(db_, std::string("UPDATE ") + table +
                              " SET failed_count = ?, locked_until = ?, last_failure = ? "
                              "WHERE id = ?");
    update.bind(1, int64_t{failures});
    if (until)
        update.bind(2, *until);
    else
        update.bindNull(2);
    update.bind(3, nowText).bind(4, id).run();
}

std::optional<std::string> Users::lockedUntil(const std::string& id, bool known) const {
    Statement select(db_, std::string("SELECT locked_until FROM ") +
                              (known ? "users" : "login_throttle") + " WHERE id = ?");
    if (!select.bind(1, id).step()) return std::nullopt;
    return select.optionalText(0);
}

void Users::refuse(const std::string& givenId, const char* reason, const User* user, TimePoint now,
                   const std::string& message) {
    recordFailure(givenId, reason, user, now);
    std::vector<std::string> args;
    if (std::string_view(reason) == "expired") args.push_back(*user->expires);  // the last day
    throw base::withReason(AuthError(message), loginReasonKey(reason), std::move(args));
}

bool Users::passwordExpired(const User& user, TimePoint now) const {
    if (policy_.password.maxAge.count() == 0) return false;
    return formatRfc3339(now - policy_.password.maxAge) > user.passwordChanged;
}

User Users::authenticate(const std::string& id, std::string_view password, TimePoint now,
                         AuthPurpose purpose) {
    static const std::string kWrong = "wrong user ID or password";
    const std::string nowText = formatRfc3339(now);
    summariseEndedLocks(now);
    // The ID syntax is public, so refusing a malformed ID without scrypt reveals nothing.
    if (!isValidUserId(id)) {
        if (auto until = lockedUntil("", false); until && nowText < *until)
            refuseWhileLocked("", *until, now, kWrong);
        refuse(id, "invalid-id", nullptr, now, kWrong);
    }
    std::optional<User> user = find(id);
    const User* known = user ? &*user : nullptr;

    // Locked IDs, known or not, are refused before any scrypt work: this is what makes a
    // brute-force run cheap to refuse, and it is the same for both, so it reveals nothing.
    if (auto until = lockedUntil(id, known != nullptr); until && nowText < *until)
        refuseWhileLocked(id, *until, now,
                          "account locked until " + *until + ": wait or ask an administrator");

    bool passwordOk = false;
    if (password.size() > policy_.password.maxLength) {
        // Refused without scrypt on both paths (bounds the work an attacker can ask for).
    } else if (known) {
        Statement hashRow(db_, "SELECT password_hash FROM users WHERE id = ?");
        hashRow.bind(1, id).step();
        passwordOk = verifyPassword(password, hashRow.text(0), kdf_);
    } else {
        burnPasswordWork(password, kdf_);  // same scrypt work as for a real user
    }
    if (!passwordOk) refuse(id, known ? "wrong-password" : "unknown-user", known, now, kWrong);

    // Only someone who knows the password learns the account's state.
    if (user->disabled) refuse(id, "disabled", known, now, "account disabled");
    if (user->expires && formatDate(now) > *user->expires)
        refuse(id, "expired", known, now, "account expired on " + *user->expires);
    if (purpose == AuthPurpose::Login && passwordExpired(*user, now)) {
        recordFailure(id, "password-expired", known, now);
        const std::string days = std::to_string(policy_.password.maxAge.count());
        throw base::withReason(
            PasswordExpiredError("the password of " + id + " is older than " + days +
                                 " days: change it with 'massho user passwd " + id + " --as " + id +
                                 "'"),
            "login.password-expired", {id, days});
    }

    Statement update(db_,
                     "UPDATE users SET last_login = ?, failed_count = 0, locked_until = NULL "
                     "WHERE id = ?");
    update.bind(1, nowText).bind(2, id).run();
    return get(id);
}

std::vector<User> Users::dormant(std::chrono::days unusedFor, TimePoint now) const {
    const std::string cutoff = formatRfc3339(now - unusedFor);
    std::vector<User> out;
    for (User& u : list())
        if (!u.disabled && u.lastLogin.value_or(u.created) < cutoff) out.push_back(std::move(u));
    return out;
}

void Users::setDisabled(const std::string& id, bool disabled, const std::string& byAdmin) {
    requireActiveAdmin(byAdmin);
    Transaction tx(db_);
    User user = get(id);
    if (user.disabled == disabled) return;
    if (disabled && user.hasRole(Role::Admin)) {
        Statement admins(db_,
                         "SELECT count(*) FROM users WHERE disabled = 0 AND id != ? AND "
                         "(',' || roles || ',') LIKE '%,admin,%'");
        admins.bind(1, id).step();
        if (admins.integer(0) == 0)
            throw base::withReason(
                RefusedError(
                    "refusing to disable the last enabled administrator: add another first"),
                "user.last-admin");
    }
    Statement update(db_, "UPDATE users SET disabled = ? WHERE id = ?");
    update.bind(1, int64_t{disabled ? 1 : 0}).bind(2, id).run();
    EntryBuilder entry(disabled ? EntryKind::UserDisabled : EntryKind::UserEnabled, clock_);
    entry.set("id", id).set("by", byAdmin);
    register_.append(entry.finish());
    tx.commit();
}

void Users::disable(const std::string& id, const std::string& byAdmin) {
    setDisabled(id, true, byAdmin);
}

void Users::enable(const std::string& id, const std::string& byAdmin) {
    setDisabled(id, false, byAdmin);
}

void Users::changePassword(const std::string& id, std::string_view newPassword,
                           const std::string& by) {
    if (by != id) requireActiveAdmin(by);
    checkPassword(newPassword, id);
    get(id);
    {
        Statement current(db_, "SELECT password_hash FROM users WHERE id = ?");
        current.bind(1, id).step();
        if (verifyPassword(newPassword, current.text(0), kdf_))
            throw UserError("the new password is the current one: choose a different password");
    }
    std::string hash = hashPassword(newPassword, ScryptParams{}, kdf_);
    Transaction tx(db_);
    std::string now = formatRfc3339(clock_());
    Statement update(db_,
                     "UPDATE users SET password_hash = ?, password_changed = ?, failed_count = 0, "
                     "locked_until = NULL WHERE id = ?");
    update.bind(1, hash).bind(2, now).bind(3, id).run();
    EntryBuilder entry(EntryKind::UserPasswordChanged, clock_);
    entry.set("id", id).set("by", by);
    register_.append(entry.finish());
    tx.commit();
}

}  // namespace massho::records
