#include "certificate_desk.h"

#include <QDBusPendingReply>

#include "session_proxy.h"

namespace massho::kiosk {

CertificateDesk::CertificateDesk(QObject* parent) : Desk(parent) {}

void CertificateDesk::issue(qlonglong entryIndex) {
    SessionProxy* officerSession = officer_ ? officer_->session() : nullptr;
    SessionProxy* issuer = officerSession ? officerSession : session();
    if (!issuer || busy()) return;
    setError({});
    call(issuer->IssueCertificate(entryIndex),
         [this](const QDBusPendingReply<QString, qlonglong>& reply) {
             pdfPath_ = reply.argumentAt<0>();
             issueEntry_ = reply.argumentAt<1>();
             emit changed();
         });
}

}  // namespace massho::kiosk
