#pragma once

#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <list>
#include <memory>

#include "dbus_types.h"

class RecordsAdaptor;

namespace massho::service {

class CertificatePreview;
class JobWorker;
class Service;
class Session;

// The register and its papers for records officers and auditors
// (org.massho.Appliance1.Records, api/org.massho.Appliance1.Records.xml), at SESSION/records: a
// session's second face, owned by it, answering only its connection. Each method is a thin
// shell over the operations layer, which checks the role: the register search and the latest
// checkpoint (reads), the media reports (records/papers), printing (PrintCertificateOperation on
// a worker thread, answered when lp has the job), the preview (pdftoppm in a child process) and
// the auditor's verification (VerifyRegisterOperation, a job like an erasure).
class RecordsDesk : public QObject, protected QDBusContext {
    Q_OBJECT

  public:
    // Registers itself at `session`'s path + "/records" on the service's bus.
    RecordsDesk(Service& service, Session& session);
    ~RecordsDesk() override;

  public slots:
    QVariantMapList Search(const QVariantMap& query, uint offset, uint limit, uint& total);
    qlonglong PrintCertificate(qlonglong index, const QString& printer);
    QByteArray PreviewCertificate(qlonglong index, uint size);
    QVariantMap GetReport(const QString& kind, const QVariantMap& options);
    QDBusObjectPath VerifyRegister();
    QVariantMap GetCheckpoint(QVariantMapList& cosignatures);

  private:
    // Runs `act` for a call from the session's own connection, turning what it throws into the
    // named D-Bus error reply (as Session does).
    template <typename Act>
    auto serve(Act&& act) -> decltype(act());
    void answerPrint(JobWorker* worker, const QDBusMessage& call);

    Service& service_;
    Session& session_;
    QString path_;
    std::unique_ptr<RecordsAdaptor> adaptor_;  // its face on the bus (generated from api/)
    std::list<std::unique_ptr<JobWorker>> printing_;
    std::list<std::unique_ptr<CertificatePreview>> drawing_;
};

}  // namespace massho::service
