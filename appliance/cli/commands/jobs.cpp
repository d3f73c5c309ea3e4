// massho jobs [--json]: the live jobs of the service (masshod), read over D-Bus. The rest of the
// command line works in-process; this is the one command that asks the service.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../json_output.h"
#include "dbus_types.h"
#include "job_proxy.h"
#include "manager_proxy.h"

namespace massho::cli {
namespace {

const QString kBusName = QStringLiteral("org.massho.Appliance1");

QJsonObject describe(JobProxy& job, const QString& path) {
    return QJsonObject{
        {"job", path},
        {"operation", job.operation()},
        {"device", job.device()},
        {"state", job.state()},
        {"pass", job.pass()},
        {"pass_count", job.passCount()},
        {"bytes_done", static_cast<qint64>(job.bytesDone())},
        {"bytes_total", static_cast<qint64>(job.bytesTotal())},
        {"rate", static_cast<qint64>(job.rate())},
        {"started_at", static_cast<qint64>(job.startedAt())},
        {"expected_end_at", static_cast<qint64>(job.expectedEndAt())},
        {"operator", job.operatorId()},
        {"entry_index", job.entryIndex()},
        {"result", job.result()},
    };
}

void printTable(const QJsonArray& jobs) {
    std::printf("%-4s %-10s %-14s %-12s %6s %7s %-10s %6s  %s\n", "JOB", "OPERATION", "DEVICE",
                "STATE", "PASS", "DONE", "OPERATOR", "ENTRY", "RESULT");
    for (const auto& value : jobs) {
        const QJsonObject j = value.toObject();
        const double total = j["bytes_total"].toDouble();
        const QString percent =
            total > 0 ? QString::number(100.0 * j["bytes_done"].toDouble() / total, 'f', 1) + "%"
                      : QStringLiteral("-");
        const QString pass =
            j["pass_count"].toInt() > 0
                ? QStringLiteral("%1/%2").arg(j["pass"].toInt()).arg(j["pass_count"].toInt())
                : QStringLiteral("-");
        const qint64 entry = j["entry_index"].toInteger();
        std::printf("%-4s %-10s %-14s %-12s %6s %7s %-10s %6s  %s\n",
                    qPrintable(j["job"].toString().section('/', -1)),
                    qPrintable(j["operation"].toString()), qPrintable(j["device"].toString()),
                    qPrintable(j["state"].toString()), qPrintable(pass), qPrintable(percent),
                    qPrintable(j["operator"].toString()),
                    entry >= 0 ? qPrintable(QString::number(entry)) : "-",
                    qPrintable(j["result"].toString()));
    }
}

}  // namespace

int runJobs(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print the jobs as a JSON array.");
    cl.parse(0, 0);

    int argc = 1;
    char name[] = "massho";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);  // Qt's D-Bus needs one
    service::registerDbusTypes();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected() || !bus.interface()->isServiceRegistered(kBusName).value())
        throw failed(
            "masshod is not running (no org.massho.Appliance1 on the system bus): start it with "
            "'systemctl start masshod', or see masshod(8)");
    ManagerProxy manager(kBusName, QStringLiteral("/org/massho/Appliance1"), bus);
    auto paths = manager.GetJobs();
    paths.waitForFinished();
    if (paths.isError()) throw failed("masshod: " + paths.error().message().toStdString());
    QJsonArray jobs;
    for (const QDBusObjectPath& path : paths.value()) {
        JobProxy job(kBusName, path.path(), bus);
        jobs.append(describe(job, path.path()));
    }
    if (cl.isSet("json"))
        printJsonIndented(jobs);
    else
        printTable(jobs);
    return 0;
}

}  // namespace massho::cli
