#include "certificate_preview.h"

#include <QTimer>

namespace massho::service {
namespace {

constexpr int kPreviewTimeoutMs = 30'000;
constexpr qint64 kMaxPngBytes = 8 * 1024 * 1024;  // a 1600-pixel A4 page is far smaller

}  // namespace

CertificatePreview::CertificatePreview(const std::string& pdf, unsigned longSide, Done done,
                                       QObject* parent)
    : QObject(parent), done_(std::move(done)) {
    connect(&process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QByteArray png = process_.readAllStandardOutput();
        if (status != QProcess::NormalExit || code != 0 || !png.startsWith("\x89PNG"))
            answer({}, QStringLiteral("the certificate could not be drawn: pdftoppm said \"%1\"")
                           .arg(QString::fromLocal8Bit(process_.readAllStandardError())
                                    .trimmed()
                                    .left(200)));
        else if (png.size() > kMaxPngBytes)
            answer({},
                   QStringLiteral("the drawn page is too large to send: ask for a smaller one"));
        else
            answer(png, {});
    });
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            answer({}, QStringLiteral("cannot draw the certificate: poppler-utils' pdftoppm is "
                                      "not installed on the appliance"));
    });
    QTimer::singleShot(kPreviewTimeoutMs, this, [this] {
        if (answered_) return;
        process_.kill();
        answer({}, QStringLiteral("drawing the certificate took too long: try again"));
    });
    // stdin to stdout, first page only, the longer side scaled to `longSide` pixels.
    process_.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-png"), QStringLiteral("-singlefile"), QStringLiteral("-f"),
                    QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                    QStringLiteral("-scale-to"), QString::number(longSide), QStringLiteral("-")});
    process_.write(pdf.data(), static_cast<qint64>(pdf.size()));
    process_.closeWriteChannel();
}

CertificatePreview::~CertificatePreview() {
    process_.disconnect(this);
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(1000);
    }
}

void CertificatePreview::answer(const QByteArray& png, const QString& error) {
    if (answered_) return;
    answered_ = true;
    done_(png, error);
    emit finished();
}

}  // namespace massho::service
