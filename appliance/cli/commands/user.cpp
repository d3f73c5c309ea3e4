// massho user add ID --role ROLE… [--name NAME] [--expires DATE] --as ADMIN --password-stdin
// massho user list [--json] --as ID --password-stdin
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/records/errors.h"

namespace massho::cli {

using records::Role;

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
    try {
        session.store().users().add(user, password.view(), session.userId());
    } catch (const records::UserError& e) {
        throw badInput(e.what());
    }
    std::fprintf(stderr, "added %s (%s)\n", user.id.c_str(),
                 records::joinRoles(user.roles).c_str());
    return 0;
}

int runUserList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print a JSON array.");
    addSessionOptions(cl);
    cl.parse(0, 0);

    Session session = Session::open(inv, cl, {Role::Admin, Role::Auditor, Role::Chief});
    const auto users = session.store().users().list();
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
        std::fputs(QJsonDocument(all).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%-16s %-24s %-32s %-10s %s\n", "ID", "NAME", "ROLES", "EXPIRES", "STATE");
    for (const auto& u : users)
        std::printf("%-16s %-24s %-32s %-10s %s\n", u.id.c_str(), u.name.c_str(),
                    records::joinRoles(u.roles).c_str(), u.expires.value_or("-").c_str(),
                    u.disabled ? "disabled" : "active");
    return 0;
}

}  // namespace massho::cli
