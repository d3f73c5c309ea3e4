#pragma once

#include <QtQml/qqmlregistration.h>

#include <QPointer>
#include <QString>

#include "desk.h"
#include "second_person.h"

namespace massho::kiosk {

// The certificate of an erasure (Session.IssueCertificate): issued by a records officer — the
// person logged in, or a second person at this kiosk — drawn and archived by the service, which
// answers with the archived PDF's path and the register entry recording the issue. The service
// offers no printing over D-Bus: the kiosk says where the PDF is.
class CertificateDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(SecondPerson* officer MEMBER officer_ NOTIFY changed)
    Q_PROPERTY(QString pdfPath READ pdfPath NOTIFY changed)
    // The register entry that records the issue; -1 until issued.
    Q_PROPERTY(qlonglong issueEntry READ issueEntry NOTIFY changed)

  public:
    explicit CertificateDesk(QObject* parent = nullptr);

    QString pdfPath() const { return pdfPath_; }
    qlonglong issueEntry() const { return issueEntry_; }

    Q_INVOKABLE void issue(qlonglong entryIndex);

  signals:
    void changed();

  private:
    QPointer<SecondPerson> officer_;
    QString pdfPath_;
    qlonglong issueEntry_ = -1;
};

}  // namespace massho::kiosk
