#include "dbus_error.h"

#include "massho/base/error.h"
#include "massho/operations/operation_error.h"
#include "massho/records/register/errors.h"

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

}  // namespace

DbusError dbusErrorFor(const std::exception_ptr& error) {
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

void requireBounded(const QString& value, const char* argument, int maxBytes) {
    if (value.size() > maxBytes || value.toUtf8().size() > maxBytes)
        throw ServiceError(dbus_error::kInvalidArgument,
                           QStringLiteral("%1 is longer than %2 bytes: give a shorter one")
                               .arg(QString::fromLatin1(argument))
                               .arg(maxBytes));
}

}  // namespace massho::service
