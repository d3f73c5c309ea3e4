#include "register_desk.h"

#include <QDBusPendingReply>
#include <algorithm>

#include "dbus_types.h"
#include "records_proxy.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

RegisterDesk::RegisterDesk(QObject* parent) : QObject(parent) {
    service::registerDbusTypes();  // the replies' aa{sv}
}

RegisterDesk::~RegisterDesk() = default;

// The Records face of the session logged in now (SESSION/records); rebuilt when the person
// changes.
RecordsProxy* RegisterDesk::records() {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return nullptr;
    const QString path = session->path() + QStringLiteral("/records");
    if (!records_ || records_->path() != path)
        records_ = std::make_unique<RecordsProxy>(kServiceName, path, session->connection());
    return records_.get();
}

void RegisterDesk::begin() {
    ++busy_;
    error_.clear();
    message_.clear();
    emit changed();
}

void RegisterDesk::end(const QString& error) {
    --busy_;
    error_ = error;
    emit changed();
}

void RegisterDesk::search(const QString& from, const QString& to, const QString& serial,
                          const QString& asset) {
    query_.clear();
    const auto put = [this](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty()) query_.insert(QLatin1String(key), value.trimmed());
    };
    put("from", from);
    put("to", to);
    put("serial", serial);
    put("asset", asset);
    offset_ = 0;
    message_.clear();
    error_.clear();
    fetchPage();
}

void RegisterDesk::nextPage() {
    if (offset_ + kPageSize >= total_) return;
    offset_ += kPageSize;
    fetchPage();
}

void RegisterDesk::previousPage() {
    if (offset_ == 0) return;
    offset_ = std::max(0, offset_ - kPageSize);
    fetchPage();
}

void RegisterDesk::fetchPage() {
    RecordsProxy* desk = records();
    if (!desk) return;
    ++busy_;  // what the last act said stays shown with the page it changed
    emit changed();
    whenAnswered(this, desk->Search(query_, static_cast<uint>(offset_), kPageSize),
                 [this](const QDBusPendingReply<QVariantMapList, uint>& reply) {
                     hits_.clear();
                     total_ = 0;
                     if (!reply.isError()) {
                         for (const QVariantMap& hit : reply.argumentAt<0>()) hits_ << hit;
                         total_ = static_cast<int>(reply.argumentAt<1>());
                     }
                     --busy_;
                     if (reply.isError()) error_ = reply.error().message();
                     emit changed();
                 });
}

void RegisterDesk::issue(qlonglong index) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return;
    begin();
    whenAnswered(this, session->IssueCertificate(index),
                 [this, index](const QDBusPendingReply<QString, qlonglong>& reply) {
                     if (!reply.isError()) {
                         message_ = tr("Certificate for entry %1 issued (register entry %2).")
                                        .arg(index)
                                        .arg(reply.argumentAt<1>());
                     }
                     end(reply.isError() ? reply.error().message() : QString());
                     if (!reply.isError()) fetchPage();  // the row counts one more certificate
                 });
}

void RegisterDesk::print(qlonglong index, const QString& printer) {
    RecordsProxy* desk = records();
    if (!desk) return;
    begin();
    whenAnswered(this, desk->PrintCertificate(index, printer),
                 [this, index](const QDBusPendingReply<qlonglong>& reply) {
                     if (!reply.isError())
                         message_ = tr("Certificate for entry %1 sent to the printer (register "
                                       "entry %2).")
                                        .arg(index)
                                        .arg(reply.value());
                     end(reply.isError() ? reply.error().message() : QString());
                 });
}

void RegisterDesk::showPreview(qlonglong index) {
    RecordsProxy* desk = records();
    if (!desk) return;
    begin();
    whenAnswered(this, desk->PreviewCertificate(index, kPreviewSide),
                 [this, index](const QDBusPendingReply<QByteArray>& reply) {
                     if (!reply.isError()) {
                         preview_ = QStringLiteral("data:image/png;base64,") +
                                    QString::fromLatin1(reply.value().toBase64());
                         previewIndex_ = index;
                     }
                     end(reply.isError() ? reply.error().message() : QString());
                 });
}

void RegisterDesk::closePreview() {
    preview_.clear();
    previewIndex_ = -1;
    emit changed();
}

void RegisterDesk::loadReport(const QString& kind, const QVariantMap& options) {
    RecordsProxy* desk = records();
    if (!desk) return;
    begin();
    whenAnswered(this, desk->GetReport(kind, options),
                 [this](const QDBusPendingReply<QVariantMap>& reply) {
                     report_.clear();
                     if (!reply.isError()) {
                         const QVariantMap r = reply.value();
                         const QStringList header = r.value("header").toStringList();
                         const QStringList cells = r.value("cells").toStringList();
                         QVariantList rows;
                         const qsizetype width = std::max<qsizetype>(1, header.size());
                         for (qsizetype at = 0;
                              at + width <= cells.size() && rows.size() < kShownRows; at += width)
                             rows << QVariant(cells.mid(at, width));
                         const bool cut =
                             r.value("truncated").toBool() || cells.size() / width > rows.size();
                         report_ = QVariantMap{{"title", r.value("title")},
                                               {"preamble", r.value("preamble")},
                                               {"header", header},
                                               {"rows", rows},
                                               {"truncated", cut}};
                     }
                     end(reply.isError() ? reply.error().message() : QString());
                 });
}

}  // namespace massho::kiosk
