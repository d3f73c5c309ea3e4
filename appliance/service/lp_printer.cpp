#include "lp_printer.h"

#include <QProcess>
#include <QStringList>

#include "massho/operations/operation_error.h"

namespace massho::service {
namespace {

constexpr int kLpTimeoutMs = 60'000;  // lp hands the job to the spooler; it does not print

operations::OperationError printFailed(const std::string& message) {
    return operations::OperationError(base::ErrorCategory::Failed, message);
}

}  // namespace

void printWithLp(const std::string& pdf, const std::optional<std::string>& printer,
                 const std::string& title) {
    QStringList args{QStringLiteral("-t"), QString::fromStdString(title)};
    if (printer) args << QStringLiteral("-d") << QString::fromStdString(*printer);
    args << QStringLiteral("-");
    QProcess lp;
    lp.start(QStringLiteral("lp"), args);
    if (!lp.waitForStarted())
        throw printFailed(
            "cannot print: CUPS's 'lp' is not installed on the appliance (install cups-client "
            "and add a printer)");
    lp.write(pdf.data(), static_cast<qint64>(pdf.size()));
    lp.closeWriteChannel();
    if (!lp.waitForFinished(kLpTimeoutMs)) {
        lp.kill();
        lp.waitForFinished();
        throw printFailed(
            "printing failed: lp did not answer within a minute; check that CUPS "
            "is running (systemctl status cups)");
    }
    if (lp.exitStatus() != QProcess::NormalExit || lp.exitCode() != 0) {
        QString reason = QString::fromLocal8Bit(lp.readAllStandardError()).trimmed().left(300);
        reason.replace('\n', ' ');
        throw printFailed("printing failed: lp said \"" + reason.toStdString() +
                          "\"; check the printer name (lpstat -p) and that CUPS is running");
    }
}

}  // namespace massho::service
