#include "policy_settings.h"

#include <QStringList>

namespace massho::service {

namespace {

QVariantMap row(const char* section, const char* key, const QString& value) {
    return {{"section", QString::fromLatin1(section)},
            {"key", QString::fromLatin1(key)},
            {"value", value}};
}

QString number(long long value) {
    return QString::number(value);
}

QString classes(const records::ApprovalPolicy& approvals, const char* action) {
    QStringList out;
    for (const int infoClass : approvals.classes(action)) out << QString::number(infoClass);
    return out.join(QLatin1Char(','));
}

}  // namespace

QVariantMapList policySettings(const records::Config& config) {
    QVariantMapList rows{
        row("password", "min_length", number(static_cast<long long>(config.password.minLength))),
        row("password", "min_classes", number(config.password.minCharacterClasses)),
        row("password", "max_age_days", number(config.password.maxAge.count())),
        row("lockout", "max_failures", number(config.maxFailedLogins)),
        row("lockout", "minutes", number(config.lockout.count())),
        row("accounts", "dormant_days", number(config.dormantAfter.count())),
        row("approval", "valid_days", number(config.approvalValidity.count())),
    };
    for (const char* action : {"reuse", "disposal", "lease-return", "carryout"})
        rows.append(row("approval.required", action, classes(config.approvals, action)));
    rows.append(row("session", "idle_minutes", number(config.sessionIdle.count())));
    rows.append(row("session", "max_hours", number(config.sessionMaxAge.count())));
    rows.append(
        row("media", "unregistered",
            config.registerUnknownMedia ? QStringLiteral("register") : QStringLiteral("refuse")));
    rows.append(
        row("devices", "probe", config.probeDrives ? QStringLiteral("yes") : QStringLiteral("no")));
    rows.append(row("devices", "stall_seconds", number(config.stallTimeout.count())));
    return rows;
}

}  // namespace massho::service
