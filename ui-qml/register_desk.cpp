#include "register_desk.h"

#include <QDBusPendingReply>
#include <algorithm>

#include "dbus_types.h"
#include "records_call.h"

namespace massho::kiosk {

RegisterDesk::RegisterDesk(QObject* parent) : Desk(parent) {}

void RegisterDesk::begin() {
    setError({});
    message_.clear();
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
    setError({});
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
    if (!session()) return;
    const auto records = recordsOf(*session());
    // What the last act said stays shown with the page it changed.
    call(
        records->Search(query_, static_cast<uint>(offset_), kPageSize),
        [this, records](const QDBusPendingReply<QVariantMapList, uint>& reply) {
            hits_.clear();
            for (const QVariantMap& hit : reply.argumentAt<0>()) hits_ << hit;
            total_ = static_cast<int>(reply.argumentAt<1>());
            emit changed();
        },
        [this] {
            hits_.clear();
            total_ = 0;
            emit changed();
        });
}

void RegisterDesk::issue(qlonglong index) {
    if (!session()) return;
    begin();
    call(session()->IssueCertificate(index),
         [this, index](const QDBusPendingReply<QString, qlonglong>& reply) {
             message_ = tr("Certificate for entry %1 issued (register entry %2).")
                            .arg(index)
                            .arg(reply.argumentAt<1>());
             emit changed();
             fetchPage();  // the row counts one more certificate
         });
}

void RegisterDesk::print(qlonglong index, const QString& printer) {
    if (!session()) return;
    begin();
    const auto records = recordsOf(*session());
    call(records->PrintCertificate(index, printer),
         [this, records, index](const QDBusPendingReply<qlonglong>& reply) {
             message_ = tr("Certificate for entry %1 sent to the printer (register "
                           "entry %2).")
                            .arg(index)
                            .arg(reply.value());
             emit changed();
         });
}

void RegisterDesk::showPreview(qlonglong index) {
    if (!session()) return;
    begin();
    const auto records = recordsOf(*session());
    call(records->PreviewCertificate(index, kPreviewSide),
         [this, records, index](const QDBusPendingReply<QByteArray>& reply) {
             preview_ = QStringLiteral("data:image/png;base64,") +
                        QString::fromLatin1(reply.value().toBase64());
             previewIndex_ = index;
             emit changed();
         });
}

void RegisterDesk::closePreview() {
    preview_.clear();
    previewIndex_ = -1;
    emit changed();
}

void RegisterDesk::loadReport(const QString& kind, const QVariantMap& options) {
    if (!session()) return;
    begin();
    const auto records = recordsOf(*session());
    call(
        records->GetReport(kind, options),
        [this, records](const QDBusPendingReply<QVariantMap>& reply) {
            const QVariantMap r = reply.value();
            const QStringList header = r.value("header").toStringList();
            const QStringList cells = r.value("cells").toStringList();
            QVariantList rows;
            const qsizetype width = std::max<qsizetype>(1, header.size());
            for (qsizetype at = 0; at + width <= cells.size() && rows.size() < kShownRows;
                 at += width)
                rows << QVariant(cells.mid(at, width));
            const bool cut = r.value("truncated").toBool() || cells.size() / width > rows.size();
            report_ = QVariantMap{{"title", r.value("title")},
                                  {"preamble", r.value("preamble")},
                                  {"header", header},
                                  {"rows", rows},
                                  {"truncated", cut}};
            emit changed();
        },
        [this] {
            report_.clear();
            emit changed();
        });
}

}  // namespace massho::kiosk
