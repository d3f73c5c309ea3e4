#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include "desk.h"

namespace massho::kiosk {

// The records officer's register view (org.massho.Appliance1.Records at SESSION/records): a
// search by period, serial or asset tag a page at a time, a certificate issued, previewed (the
// issued PDF's first page, drawn by the service: the kiosk never reads the data directory) and
// printed, and the media reports as tables. A thin view model: every call asynchronous, every
// rule (who may search, print, what a report holds) the service's.
class RegisterDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // What the last act did, in the service's words (e.g. the printing's register entry).
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QVariantList hits READ hits NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(int offset READ offset NOTIFY changed)
    Q_PROPERTY(int pageSize READ pageSize CONSTANT)
    // The preview as a data: URL for an Image, and the entry it shows (-1: none).
    Q_PROPERTY(QString preview READ preview NOTIFY changed)
    Q_PROPERTY(qlonglong previewIndex READ previewIndex NOTIFY changed)
    // The last report: title, preamble (lines), header (cells) and rows (each a list of cells).
    Q_PROPERTY(QVariantMap report READ report NOTIFY changed)

  public:
    explicit RegisterDesk(QObject* parent = nullptr);

    QString message() const { return message_; }
    QVariantList hits() const { return hits_; }
    int total() const { return total_; }
    int offset() const { return offset_; }
    int pageSize() const { return kPageSize; }
    QString preview() const { return preview_; }
    qlonglong previewIndex() const { return previewIndex_; }
    QVariantMap report() const { return report_; }

    // Empty texts are left out of the query.
    Q_INVOKABLE void search(const QString& from, const QString& to, const QString& serial,
                            const QString& asset);
    Q_INVOKABLE void nextPage();
    Q_INVOKABLE void previousPage();
    Q_INVOKABLE void issue(qlonglong index);
    Q_INVOKABLE void print(qlonglong index, const QString& printer = QString());
    Q_INVOKABLE void showPreview(qlonglong index);
    Q_INVOKABLE void closePreview();
    // kind: ledger, carried-out, due, closures; options as the service takes them.
    Q_INVOKABLE void loadReport(const QString& kind, const QVariantMap& options = {});

    static constexpr int kPageSize = 5;
    static constexpr uint kPreviewSide = 900;
    // A report's rows drawn at most (each cell is an item: thousands would stall the UI thread);
    // the whole report is the PDF or CSV of massho media report.
    static constexpr int kShownRows = 100;

  signals:
    void changed();

  private:
    void fetchPage();
    // An act (issue, print, preview, report): what the last one said is cleared.
    void begin();

    QString message_;
    QVariantMap query_;
    QVariantList hits_;
    int total_ = 0;
    int offset_ = 0;
    QString preview_;
    qlonglong previewIndex_ = -1;
    QVariantMap report_;
};

}  // namespace massho::kiosk
