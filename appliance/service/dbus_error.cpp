#include "dbus_error.h"

#include <QDBusConnection>

#include "massho/base/error.h"
#include "massho/base/reason.h"
#include "massho/operations/operation_error.h"
#include "massho/records/register/errors.h"
#include "refusal_reason.h"

namespace massho::service {

namespace {

const char* nameFor(base::ErrorCategory category) {
    switch (category) {
        case base::ErrorCategory::BadInput:
            return dbus_error::kInvalidArgument;
        case base::ErrorCategory::Refused:
            return dbus_error::kRefused;
        case base::ErrorCategory::Failed:
            break;
    }
    return dbus_error::kFailed;
}

// The reason the error names where it was thrown (base/reason.h); for an error thrown without
// one, the reason its line shows (refusal_reason.h).
std::optional<RefusalReason> reasonOf(const std::exception_ptr& error, const QString& line) {
    try {
        std::rethrow_exception(error);
    } catch (const base::HasReason& named) {
        RefusalReason found{QString::fromStdString(named.reason().key), {}};
        for (const std::string& arg : named.reason().args)
            found.args << QString::fromStdString(arg);
        return found;
    } catch (...) {
        return reasonFor(line);
    }
}

DbusError plainErrorFor(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const ServiceError& e) {
        return {e.name(), e.message()};
    } catch (const records::AuthError& e) {
        return {dbus_error::kNotAuthorized, QString::fromStdString(e.what())};
    } catch (const operations::NotAuthorizedError& e) {
        return {dbus_error::kNotAuthorized, QString::fromStdString(e.what())};
    } catch (const base::Error& e) {
        return {nameFor(e.category()), QString::fromStdString(e.what())};
    } catch (const std::exception& e) {
        return {dbus_error::kFailed, QStringLiteral("internal error: %1").arg(e.what())};
    }
}

}  // namespace

DbusError dbusErrorFor(const std::exception_ptr& error) {
    DbusError named = plainErrorFor(error);
    if (const auto reason = reasonOf(error, named.message)) {
        named.reason = reason->key;
        named.reasonArgs = reason->args;
    }
    return named;
}

base::Reasoned<ServiceError> refusal(const char* name, const QString& message, std::string key,
                                     const QStringList& args) {
    std::vector<std::string> texts;
    for (const QString& arg : args) texts.push_back(arg.toStdString());
    return base::withReason(ServiceError(name, message), std::move(key), std::move(texts));
}

QDBusMessage errorReply(const QDBusMessage& call, const DbusError& error) {
    return call.createErrorReply(error.name, error.message) << error.reason << error.reasonArgs;
}

void replyWithError(const QDBusContext& context, const std::exception_ptr& error) {
    const DbusError reply = dbusErrorFor(error);
    if (!context.calledFromDBus()) return;
    context.setDelayedReply(true);
    context.connection().send(errorReply(context.message(), reply));
}

void requireBounded(const QString& value, const char* argument, int maxBytes) {
    if (value.size() > maxBytes || value.toUtf8().size() > maxBytes)
        throw refusal(dbus_error::kInvalidArgument,
                      QStringLiteral("%1 is longer than %2 bytes: give a shorter one")
                          .arg(QString::fromLatin1(argument))
                          .arg(maxBytes),
                      "argument.too-long",
                      {QString::fromLatin1(argument), QString::number(maxBytes)});
}

}  // namespace massho::service
