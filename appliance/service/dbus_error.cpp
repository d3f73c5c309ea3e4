#include "dbus_error.h"

#include "massho/base/error.h"
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

DbusError withReason(DbusError error) {
    if (const auto reason = reasonFor(error.message)) {
        error.reason = reason->key;
        error.reasonArgs = reason->args;
    }
    return error;
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
    return withReason(plainErrorFor(error));
}

QDBusMessage errorReply(const QDBusMessage& call, const DbusError& error) {
    return call.createErrorReply(error.name, error.message) << error.reason << error.reasonArgs;
}

void requireBounded(const QString& value, const char* argument, int maxBytes) {
    if (value.size() > maxBytes || value.toUtf8().size() > maxBytes)
        throw ServiceError(dbus_error::kInvalidArgument,
                           QStringLiteral("%1 is longer than %2 bytes: give a shorter one")
                               .arg(QString::fromLatin1(argument))
                               .arg(maxBytes));
}

}  // namespace massho::service
