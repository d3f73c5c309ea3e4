#pragma once

#include <QDBusContext>
#include <QDBusMessage>
#include <QString>
#include <QStringList>
#include <exception>
#include <string>

#include "massho/base/reason.h"

namespace massho::service {

// The API's error names (masshod(8)). Each reply carries the one-line reason massho(1) would
// print for the same refusal, so a kiosk can show it as is.
namespace dbus_error {
inline constexpr char kNotAuthorized[] = "org.massho.Appliance1.Error.NotAuthorized";
inline constexpr char kInvalidArgument[] = "org.massho.Appliance1.Error.InvalidArgument";
inline constexpr char kNotFound[] = "org.massho.Appliance1.Error.NotFound";
inline constexpr char kRefused[] = "org.massho.Appliance1.Error.Refused";
inline constexpr char kFailed[] = "org.massho.Appliance1.Error.Failed";
inline constexpr char kBusy[] = "org.massho.Appliance1.Error.Busy";
}  // namespace dbus_error

// An error the service itself raises (an unknown device path, a session used from another
// connection, an argument too long), with its D-Bus name.
class ServiceError : public std::exception {
  public:
    ServiceError(const char* name, QString message) : name_(name), message_(std::move(message)) {}
    const char* name() const { return name_; }
    const QString& message() const { return message_; }
    const char* what() const noexcept override { return name_; }

  private:
    const char* name_;
    QString message_;
};

// A ServiceError that names its reason key and arguments (base/reason.h, refusal_reason.h).
base::Reasoned<ServiceError> refusal(const char* name, const QString& message, std::string key,
                                     const QStringList& args = {});

struct DbusError {
    QString name;
    QString message;
    QString reason{};  // refusal_reason.h: the stable key, "" when the line has none
    QStringList reasonArgs{};
};

// The one mapping from what an operation or the records threw to a D-Bus error: a login or role
// refusal is NotAuthorized, other refusals Refused, bad input InvalidArgument, failures Failed.
// Anything else is a defect, reported as Failed "internal error: …" (never a crash).
// The reason key and its arguments are those the error names (base/reason.h), or for an error
// thrown without one, those its line shows (refusal_reason.h).
DbusError dbusErrorFor(const std::exception_ptr& error);

// The error reply to `call`: the line (what QDBusError::message() reads), then the reason key
// (s) and its arguments (as), so that a front-end can say it in its own language.
QDBusMessage errorReply(const QDBusMessage& call, const DbusError& error);

// Answers the D-Bus call `context` is serving with the error `error` names (errorReply: its line,
// reason key and arguments); a call from inside the service gets nothing. The one way every
// object of the API refuses, so that each refusal can be said in the kiosk's language.
void replyWithError(const QDBusContext& context, const std::exception_ptr& error);

// Refuses a string argument longer than `maxBytes` (UTF-8) before it reaches anything else.
void requireBounded(const QString& value, const char* argument, int maxBytes);

}  // namespace massho::service
