#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <functional>
#include <memory>
#include <string>

namespace massho::service {

// Draws the first page of an issued certificate's archived PDF as a PNG with poppler's pdftoppm,
// without blocking the service's main loop: the kiosk shows the very page that was issued, and
// never reads the data directory itself. One child process, answered through `done` on the main
// thread with the PNG (empty and a reason when drawing failed).
class CertificatePreview : public QObject {
    Q_OBJECT

  public:
    using Done = std::function<void(const QByteArray& png, const QString& error)>;

    // `longSide`: the PNG's longer side in pixels (the caller bounds it).
    CertificatePreview(const std::string& pdf, unsigned longSide, Done done,
                       QObject* parent = nullptr);
    ~CertificatePreview() override;

  signals:
    // For the owner: this preview has answered and may be deleted.
    void finished();

  private:
    void answer(const QByteArray& png, const QString& error);

    QProcess process_;
    Done done_;
    bool answered_ = false;
};

}  // namespace massho::service
