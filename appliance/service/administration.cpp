#include "administration.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <exception>
#include <string>

#include "admin_adaptor.h"
#include "dbus_error.h"
#include "massho/image/errors.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/add_user_operation.h"
#include "massho/operations/operation_error.h"
#include "massho/operations/require_role.h"
#include "massho/operations/set_user_enabled_operation.h"
#include "massho/records/people/recipient_book.h"
#include "massho/records/people/roles.h"
#include "massho/records/people/store.h"
#include "policy_settings.h"
#include "service.h"
#include "session.h"

namespace massho::service {

namespace {

constexpr int kMaxShortText = 256;  // IDs, names, dates, roles, labels
constexpr int kMaxKey = 1024;       // an age1… key is 62 characters
constexpr int kMaxPassword = 1024;  // records::PasswordRules::maxLength
constexpr int kMaxRoles = 16;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string text(const QString& value, const char* argument, int maxBytes) {
    requireBounded(value, argument, maxBytes);
    return value.toStdString();
}

QVariantMap describe(const records::User& user) {
    QStringList roles;
    for (const records::Role role : user.roles) roles << qs(std::string(records::toString(role)));
    return {
        {"id", qs(user.id)},
        {"name", qs(user.name)},
        {"roles", roles},
        {"expires", qs(user.expires.value_or(""))},
        {"disabled", user.disabled},
        {"last_login", qs(user.lastLogin.value_or(""))},
        {"created", qs(user.created)},
    };
}

void runAct(operations::Operation& operation) {
    operation.check();
    operations::ProgressSink progress;
    operation.run(progress, operations::CancelToken());
}

// The first password, as the operation keeps it (records::Secret wipes itself); the UTF-8 copy
// made on the way is wiped too.
records::Secret secretOf(const QString& password) {
    requireBounded(password, "password", kMaxPassword);
    QByteArray utf8 = password.toUtf8();
    records::Secret secret(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
    utf8.fill('\0');
    return secret;
}

}  // namespace

Administration::Administration(Service& service, Session& session)
    : QObject(&session),
      service_(service),
      session_(session),
      adaptor_(std::make_unique<AdminAdaptor>(this)) {}

Administration& Administration::attachTo(Service& service, Session& session) {
    // Owned by `session` (its Qt parent) from here on.
    return *std::make_unique<Administration>(service, session).release();
}

Administration::~Administration() = default;

template <typename Act>
auto Administration::serve(Act&& act) -> decltype(act(std::declval<const records::User&>())) {
    try {
        return act(session_.admit(calledFromDBus() ? message().service() : session_.owner()));
    } catch (...) {
        replyWithError(*this, std::current_exception());
        return decltype(act(std::declval<const records::User&>()))();
    }
}

QVariantMapList Administration::GetUsers(bool dormant) {
    return serve([&](const records::User& person) {
        operations::requireRole(
            person, {records::Role::Admin, records::Role::Auditor, records::Role::Chief},
            "listing accounts");
        records::Store& store = service_.store();
        const auto users = dormant
                               ? store.users().dormant(store.config().dormantAfter, store.clock()())
                               : store.users().list();
        QVariantMapList out;
        for (const records::User& user : users) out.append(describe(user));
        return out;
    });
}

void Administration::AddUser(const QString& id, const QString& name, const QStringList& roles,
                             const QString& expires, const QString& password) {
    serve([&](const records::User& person) {
        if (roles.size() > kMaxRoles)
            throw ServiceError(dbus_error::kInvalidArgument,
                               QStringLiteral("too many roles: give each role once"));
        operations::AddUserInput input;
        input.user.id = text(id, "id", kMaxShortText);
        input.user.name = text(name, "name", kMaxShortText);
        for (const QString& role : roles)
            input.user.roles.insert(records::parseRoleOrThrow(text(role, "role", kMaxShortText)));
        if (!expires.isEmpty()) input.user.expires = text(expires, "expires", kMaxShortText);
        input.password = secretOf(password);
        operations::AddUserOperation add(service_.store(), person, std::move(input));
        runAct(add);
    });
}

void Administration::SetUserEnabled(const QString& id, bool enabled) {
    serve([&](const records::User& person) {
        operations::SetUserEnabledOperation set(service_.store(), person,
                                                {text(id, "id", kMaxShortText), enabled});
        runAct(set);
    });
}

QVariantMapList Administration::GetRecipients() {
    // Anyone logged in may read the key book (massho recipients list needs no login at all):
    // operators choose carry-out recipients from it.
    return serve([&](const records::User&) {
        records::Store& store = service_.store();
        records::RecipientBook book(store.database(), store.signedRegister());
        QVariantMapList out;
        for (const records::RecipientKey& key : book.list())
            out.append(QVariantMap{{"name", qs(key.name)},
                                   {"label", qs(key.label)},
                                   {"public_key", qs(key.publicKey)},
                                   {"fingerprint", qs(key.fingerprint)},
                                   {"added", qs(key.added)},
                                   {"added_by", qs(key.addedBy)}});
        return out;
    });
}

QString Administration::AddRecipient(const QString& name, const QString& public_key,
                                     const QString& label) {
    return serve([&](const records::User& person) {
        operations::requireRole(person, {records::Role::Admin}, "changing the key book");
        const std::string key = text(public_key, "public_key", kMaxKey);
        const image::X25519Recipient parsed = [&] {
            try {
                return image::X25519Recipient::parse(key);
            } catch (const image::KeyFormatError& e) {
                throw base::withReason(operations::OperationError(
                                           base::ErrorCategory::BadInput,
                                           std::string("not a valid age public key: ") + e.what()),
                                       "recipient.bad-key");
            }
        }();
        records::Store& store = service_.store();
        records::RecipientBook book(store.database(), store.signedRegister());
        const records::RecipientKey entry{text(name, "name", kMaxShortText),
                                          parsed.toString(),
                                          parsed.fingerprint(),
                                          text(label, "label", kMaxShortText),
                                          "",
                                          ""};
        return qs(book.add(entry, person.id).fingerprint);
    });
}

void Administration::RemoveRecipient(const QString& name) {
    serve([&](const records::User& person) {
        operations::requireRole(person, {records::Role::Admin}, "changing the key book");
        records::Store& store = service_.store();
        records::RecipientBook book(store.database(), store.signedRegister());
        book.remove(text(name, "name", kMaxShortText), person.id);
    });
}

QVariantMapList Administration::GetPolicy() {
    return serve([&](const records::User& person) {
        operations::requireRole(
            person, {records::Role::Admin, records::Role::Auditor, records::Role::Chief},
            "reading the policy");
        return policySettings(service_.store().config());
    });
}

}  // namespace massho::service
