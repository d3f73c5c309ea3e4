#include "massho/operations/lp_printer.h"

#include <QProcess>
#include <QStringList>

#include "massho/operations/operation_error.h"

namespace massho::operations {
namespace {

OperationError printFailed(const std::string& message) {
    return OperationError(base::ErrorCategory::Failed, message);
}

std::string inWords(std::chrono::milliseconds timeout) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(timeout).count();
    return seconds == 60 ? std::string("a minute") : std::to_string(seconds) + " seconds";
}

}  // namespace

std::string printWithLp(const std::string& pdf, const std::optional<std::string>& printer,
                        const std::string& title,
                        std::optional<std::chrono::milliseconds> timeout) {
    QStringList args{QStringLiteral("-t"), QString::fromStdString(title)};
    if (printer) args << QStringLiteral("-d") << QString::fromStdString(*printer);
    args << QStringLiteral("-");
    QProcess lp;
    lp.start(QStringLiteral("lp"), args);
    if (!lp.waitForStarted())
        throw printFailed(
            "cannot print: CUPS's 'lp' is not installed on this machine (install cups-client "
            "and add a printer)");
    lp.write(pdf.data(), static_cast<qint64>(pdf.size()));
    lp.closeWriteChannel();
    if (!lp.waitForFinished(timeout ? static_cast<int>(timeout->count()) : -1)) {
        lp.kill();
        lp.waitForFinished();
        throw printFailed("printing failed: lp did not answer" +
                          (timeout ? " within " + inWords(*timeout) : std::string()) +
                          "; check that CUPS is running (systemctl status cups)");
    }
    if (lp.exitStatus() != QProcess::NormalExit || lp.exitCode() != 0) {
        QString reason = QString::fromLocal8Bit(lp.readAllStandardError()).trimmed().left(300);
        reason.replace('\n', ' ');
        throw printFailed("printing failed: lp said \"" + reason.toStdString() +
                          "\"; check the printer name (lpstat -p) and that CUPS is running");
    }
    return QString::fromLocal8Bit(lp.readAllStandardOutput()).trimmed().toStdString();
}

}  // namespace massho::operations
