#include "refusal_reason.h"

#include <QRegularExpression>

namespace massho::service {

// Every key here is named where its refusal is thrown (base::withReason, in the records, the
// operations and this service), so that rewording a line never loses its key; a test runs each
// refusal a kiosk meets through a real masshod and expects its key (tests/service/admin_test.cpp,
// login_test.cpp). The patterns, the shape of each key's English line with its arguments as
// groups, are the fallback for an error thrown without a key (one that passed through a handler
// that rethrew its line only), and tell the kiosk's test how many arguments each key has.
const std::vector<ReasonPattern>& reasonCatalogue() {
    static const std::vector<ReasonPattern> catalogue{
        // Logging in (records::Users::authenticate, login_desk.cpp).
        {"login.wrong", R"re(wrong user ID or password)re"},
        {"login.locked", R"re(account locked until (\S+): wait or ask an administrator)re"},
        {"login.disabled", R"re(account disabled)re"},
        {"login.expired", R"re(account expired on (\S+))re"},
        {"login.password-expired", R"re(the password of (\S+) is older than (\d+) days: .*)re"},
        {"login.busy",
         R"re(a login is already being checked: wait for its answer, then try again)re"},
        // Sessions (service.cpp, session.cpp).
        {"session.too-many", R"re(too many sessions are open: log out of one first)re"},
        {"session.other-connection", R"re(this session belongs to another connection: .*)re"},
        {"session.ended",
         R"re(the account '(.+)' is disabled or has expired: the session has ended)re"},
        {"session.closed", R"re(the session has ended: log in again)re"},
        // Roles (operations::requireRole): args id, roles, act.
        {"role.missing",
         R"re('(.+)' does not hold the (.+) role that (.+) needs; ask an administrator)re"},
        // Approvals (records::Requests).
        {"approval.self", R"re('(.+)' made request (\S+) and may not (approve|reject) it: .*)re"},
        {"approval.not-data-manager", R"re('(.+)' does not hold the data-manager role: .*)re"},
        {"request.not-pending", R"re(cannot (approve|reject) (\S+): it is (\S+), not (\S+))re"},
        {"request.unknown", R"re(no request (\S+): check the ID.*)re"},
        // An approval claimed by the erasure or carry-out it approved (records::Requests::claim).
        {"request.unapproved",
         R"re(request (\S+) cannot be used: no data manager has approved it yet.*)re"},
        {"request.rejected", R"re(request (\S+) cannot be used: it was rejected by (\S+): .*)re"},
        {"request.in-use",
         R"re(request (\S+) cannot be used: another run is using it right now)re"},
        {"request.used",
         R"re(request (\S+) cannot be used: it was used already \(register entry (\d+)\).*)re"},
        {"request.expired",
         R"re(request (\S+) cannot be used: its approval expired at (\S+): .*)re"},
        {"request.mismatch", R"re(request (\S+) cannot be used: it (?:is a|approves) .*)re"},
        // Devices and jobs (device_catalog.cpp, service.cpp, job.cpp).
        {"device.unlisted", R"re((.+) is not a device this service listed: .*)re"},
        {"device.busy",
         R"re((.+) is being worked on by job (.+): wait for it to end, or cancel it)re"},
        {"job.not-yours",
         R"re(only (.+), who started this job, or an administrator may cancel it: .*)re"},
        {"job.ended", R"re(the job has already ended \((.+)\))re"},
        {"job.sanitize-running",
         R"re(a drive's own sanitize command cannot be cancelled once sent: .*)re"},
        {"argument.too-long", R"re((\S+) is longer than (\d+) bytes: give a shorter one)re"},
        // Accounts (records::Users, password_rules.cpp, administration.cpp).
        {"user.last-admin",
         R"re(refusing to disable the last enabled administrator: add another first)re"},
        {"user.exists", R"re(user "(.+)" already exists: choose another ID)re"},
        {"user.unknown", R"re(no user "(.+)": check the ID.*)re"},
        {"user.invalid-id", R"re(user ID "(.*)" is invalid: .*)re"},
        {"user.no-role", R"re(a user needs at least one role.*)re"},
        {"user.unknown-role", R"re(unknown role "(.*)".*)re"},
        {"user.expiry-past", R"re(expiry date (\S+) is in the past: .*)re"},
        {"user.expiry-invalid", R"re(expiry date "(.*)" is not a date written as .*)re"},
        {"password.short", R"re(password is shorter than (\d+) characters: choose a longer one)re"},
        {"password.long", R"re(password is longer than (\d+) characters)re"},
        {"password.classes", R"re(password uses fewer than (\d+) kinds of character .*)re"},
        {"password.repeats", R"re(password repeats too few characters: .*)re"},
        {"password.user-id", R"re(password is the user ID: choose something else)re"},
        {"password.well-known", R"re(password is built on a well-known password: .*)re"},
        {"recipient.bad-key", R"re(not a valid age public key: .*)re"},
        {"recipient.invalid-name", R"re(recipient name "(.*)" .*)re"},
        {"recipient.exists", R"re(recipient "(.+)" already exists: remove it first)re"},
        {"recipient.unknown", R"re(no recipient "(.+)": see massho recipients list)re"},
    };
    return catalogue;
}

std::optional<RefusalReason> reasonFor(const QString& line) {
    for (const ReasonPattern& reason : reasonCatalogue()) {
        const QRegularExpression shape(
            QRegularExpression::anchoredPattern(QString::fromUtf8(reason.pattern)));
        const QRegularExpressionMatch match = shape.match(line);
        if (!match.hasMatch()) continue;
        RefusalReason found{QString::fromLatin1(reason.key), {}};
        for (int group = 1; group <= match.lastCapturedIndex(); ++group)
            found.args << match.captured(group);
        return found;
    }
    return std::nullopt;
}

}  // namespace massho::service
