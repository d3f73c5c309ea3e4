// massho user add ID --role ROLE… [--name NAME] [--expires DATE] --as ADMIN --password-stdin
// massho user list [--dormant [--days N]] [--json] --as ID --password-stdin
// massho user disable|enable ID --as ADMIN --password-stdin
// massho user passwd ID --as ID --password-stdin       (stdin line 2: the new password)
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../json_output.h"
#include "../session.h"
#include "massho/operations/add_user_operation.h"
#include "massho/operations/change_password_operation.h"
#include "massho/operations/set_user_enabled_operation.h"
#include "massho/records/register/errors.h"

namespace massho::cli {

using records::Role;

namespace {

// An account act: checked, then run (records::UserError is bad input, exit 2).
void runOperation(operations::Operation&& operation) {
    operation.check();
    operations::ProgressSink progress;
    operation.run(progress, operations::CancelToken());
}

}  // namespace

int runUserAdd(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("ID", "The new user's ID ([a-z0-9][a-z0-9._-]{0,31}).");
    cl.addOption(
        "role", "ROLE",
        "admin, data-manager, operator, records-officer, auditor or chief; repeat for several.");
    cl.addOption("name", "NAME", "Display name.");
    cl.addOption("expires", "DATE",
                 "Last valid day, YYYY-MM-DD (temporary and maintenance accounts, Art. 20(9)).");
    addSessionOptions(cl);
    cl.parse(1, 1);

    records::NewUser user;
    user.id = cl.positional()[0];
    user.name = cl.value("name").value_or("");
    user.expires = cl.value("expires");
    const auto roles = cl.values("role");
    if (roles.empty()) throw badInput("give the new user at least one --role");
    try {
        for (const auto& r : roles) user.roles.insert(records::parseRoleOrThrow(r));
    } catch (const records::UserError& e) {
        throw badInput(e.what());
    }

    Session session = Session::open(inv, cl, {Role::Admin});
    Secret password = session.nextSecret("new password for " + user.id);
    runOperation(
        operations::AddUserOperation(session.store(), session.user(), {user, std::move(password)}));
    std::fprintf(stderr, "added %s (%s)\n", user.id.c_str(),
                 records::joinRoles(user.roles).c_str());
    return 0;
}

namespace {

int dormantDays(const CommandLine& cl, int fallback) {
    auto days = cl.value("days");
    if (!days) return fallback;
    if (!cl.isSet("dormant")) throw badInput("--days goes with --dormant");
    bool ok = false;
    int n = QString::fromStdString(*days).toInt(&ok);
    if (!ok || n < 1 || n > 3650) throw badInput("--days must be a whole number from 1 to 3650");
    return n;
}

}  // namespace

int runUserList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print a JSON array.");
    cl.addFlag("dormant",
               "Only enabled IDs unused for --days days (default from massho.conf, 90): Art. 17.");
    cl.addOption("days", "N", "With --dormant: unused for at least N days.");
    addSessionOptions(cl);
    cl.parse(0, 0);

    Session session = Session::open(inv, cl, {Role::Admin, Role::Auditor, Role::Chief});
    auto& store = session.store();
    const int days = dormantDays(cl, static_cast<int>(store.config().dormantAfter.count()));
    const auto users = cl.isSet("dormant")
                           ? store.users().dormant(std::chrono::days(days), store.clock()())
                           : store.users().list();
    if (cl.isSet("json")) {
        QJsonArray all;
        for (const auto& u : users) {
            all.append(QJsonObject{
                {"id", QString::fromStdString(u.id)},
                {"name", QString::fromStdString(u.name)},
                {"roles", QString::fromStdString(records::joinRoles(u.roles))},
                {"expires",
                 u.expires ? QJsonValue(QString::fromStdString(*u.expires)) : QJsonValue()},
                {"disabled", u.disabled},
                {"last_login",
                 u.lastLogin ? QJsonValue(QString::fromStdString(*u.lastLogin)) : QJsonValue()},
                {"created", QString::fromStdString(u.created)},
            });
        }
        printJsonIndented(all);
        return 0;
    }
    std::printf("%-16s %-24s %-32s %-10s %-8s %s\n", "ID", "NAME", "ROLES", "EXPIRES", "STATE",
                "LAST LOGIN");
    for (const auto& u : users)
        std::printf("%-16s %-24s %-32s %-10s %-8s %s\n", u.id.c_str(), u.name.c_str(),
                    records::joinRoles(u.roles).c_str(), u.expires.value_or("-").c_str(),
                    u.disabled ? "disabled" : "active", u.lastLogin.value_or("never").c_str());
    return 0;
}

namespace {

int setEnabled(const Invocation& inv, bool enabled) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("ID", "The account.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    const std::string id = cl.positional()[0];
    Session session = Session::open(inv, cl, {Role::Admin});
    runOperation(
        operations::SetUserEnabledOperation(session.store(), session.user(), {id, enabled}));
    std::fprintf(stderr, "%s %s\n", enabled ? "enabled" : "disabled", id.c_str());
    return 0;
}

}  // namespace

int runUserDisable(const Invocation& inv) {
    return setEnabled(inv, false);
}

int runUserEnable(const Invocation& inv) {
    return setEnabled(inv, true);
}

int runUserPasswd(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("ID", "Whose password: your own, or anyone's as an admin.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    const std::string id = cl.positional()[0];
    // Your own password may be changed even when it is past its maximum age (that is the point).
    const bool own = cl.value("as") == id;
    Session session = own ? Session::open(inv, cl, {}, records::AuthPurpose::ChangePassword)
                          : Session::open(inv, cl, {Role::Admin});
    Secret password = session.nextSecret("new password for " + id);
    runOperation(operations::ChangePasswordOperation(session.store(), session.user(),
                                                     {id, std::move(password)}));
    std::fprintf(stderr, "changed the password of %s\n", id.c_str());
    return 0;
}

}  // namespace massho::cli
