#include "certificate_desk.h"

#include <QDBusPendingReply>

#include "appliance_client.h"
#include "second_person.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

CertificateDesk::CertificateDesk(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit changed(); });
}

void CertificateDesk::issue(qlonglong entryIndex) {
    SessionProxy* session = officer_ && officer_->session() ? officer_->session()
                            : client_                       ? client_->session()
                                                            : nullptr;
    if (!session || busy_) return;
    busy_ = true;
    error_ = {};
    emit changed();
    whenAnswered(this, session->IssueCertificate(entryIndex),
                 [this](const QDBusPendingReply<QString, qlonglong>& reply) {
                     busy_ = false;
                     if (reply.isError()) {
                         error_ = Refusal::of(reply);
                     } else {
                         pdfPath_ = reply.argumentAt<0>();
                         issueEntry_ = reply.argumentAt<1>();
                     }
                     emit changed();
                 });
}

}  // namespace massho::kiosk
