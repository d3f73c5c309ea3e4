#pragma once

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusObjectPath>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbus_types.h"
#include "job_proxy.h"
#include "manager_proxy.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/temp_dir.h"
#include "session_proxy.h"

namespace massho::service::test {

inline const QString kBusName = QStringLiteral("org.massho.Appliance1");
inline const QString kManagerPath = QStringLiteral("/org/massho/Appliance1");
inline const std::string kPassword = "Correct-Horse-42";

// A private bus with a system-bus-like policy, a data directory with one person per role, and
// masshod serving it: the service as the kiosk meets it, with nothing of the machine's own.
//   admin (admin), op1 and op2 (operator), dm (data manager), both (operator + data manager),
//   aud (auditor), rec (records officer); every password kPassword.
class ServiceFixture {
  public:
    ServiceFixture();
    ~ServiceFixture();

    const std::filesystem::path& dataDir() const { return dataDir_; }
    const QString& busAddress() const { return busAddress_; }

    // Starts masshod and waits until it owns its name (std::runtime_error with its output
    // otherwise); stop with kill -9 or SIGTERM.
    void startService();
    void killService(int signal);
    bool serviceRunning() const;
    std::string serviceOutput();

    // A new client connection to the private bus (a kiosk, a second kiosk, …).
    QDBusConnection connect(const QString& name);
    void disconnect(const QString& name);
    ManagerProxy manager(const QDBusConnection& bus) const;
    // Register entry `index`, as an auditor reads it (its own read-only store).
    records::EntryFields entry(qlonglong index) const;
    // Logs in on `bus`; a test failure when refused.
    QDBusObjectPath login(ManagerProxy& manager, const std::string& user);

    // Runs the event loop until `done` or the timeout; false on timeout.
    static bool waitFor(const std::function<bool()>& done,
                        std::chrono::milliseconds timeout = std::chrono::seconds(60));

  private:
    testsupport::TempDir tmp_;
    std::filesystem::path dataDir_;
    std::string socket_;
    QString busAddress_;
    std::unique_ptr<QProcess> bus_;
    std::unique_ptr<QProcess> service_;
    std::vector<QString> clients_;
};

// The D-Bus error name of a reply, or "" when it succeeded.
template <typename Reply>
QString errorName(Reply& reply) {
    reply.waitForFinished();
    return reply.isError() ? reply.error().name() : QString();
}

// The reason key a refusal carries (masshod(8), "Reasons"): the error reply's second argument,
// after the English line; "" when it succeeded or has none.
template <typename Reply>
QString reasonOf(Reply& reply) {
    reply.waitForFinished();
    return reply.isError() ? reply.reply().arguments().value(1).toString() : QString();
}

// The arguments of that reason.
template <typename Reply>
QStringList reasonArgsOf(Reply& reply) {
    reply.waitForFinished();
    return reply.isError() ? reply.reply().arguments().value(2).toStringList() : QStringList();
}

}  // namespace massho::service::test

// GoogleTest prints a QString as text.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
