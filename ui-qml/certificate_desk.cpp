#include "certificate_desk.h"

#include <QDBusPendingReply>

#include "appliance_client.h"
#include "second_person.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

CertificateDesk::CertificateDesk(QObject* parent) : QObject(parent) {}

void CertificateDesk::issue(qlonglong entryIndex) {
    SessionProxy* session = officer_ && officer_->session() ? officer_->session()
                            : client_                       ? client_->session()
                                                            : nullptr;
    if (!session || busy_) return;
    busy_ = true;
    error_.clear();
    emit changed();
    whenAnswered(this, session->IssueCertificate(entryIndex),
                 [this](const QDBusPendingReply<QString, qlonglong>& reply) {
                     busy_ = false;
                     if (reply.isError()) {
                         error_ = reply.error().message();
                     } else {
                         pdfPath_ = reply.argumentAt<0>();
                         issueEntry_ = reply.argumentAt<1>();
                     }
                     emit changed();
                 });
}

}  // namespace massho::kiosk
