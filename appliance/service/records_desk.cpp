#include "records_desk.h"

#include <QDBusConnection>
#include <chrono>
#include <exception>

#include "certificate_preview.h"
#include "dbus_error.h"
#include "job_worker.h"
#include "massho/operations/latest_checkpoint.h"
#include "massho/operations/lp_printer.h"
#include "massho/operations/print_certificate_operation.h"
#include "massho/operations/register_search.h"
#include "massho/operations/require_entry.h"
#include "massho/operations/require_role.h"
#include "massho/operations/verify_register_operation.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/papers/media_reports.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/text_field.h"
#include "records_adaptor.h"
#include "service.h"
#include "session.h"

namespace massho::service {
namespace {

constexpr int kMaxShortText = 256;
constexpr unsigned kMinPreviewSide = 200;
constexpr unsigned kMaxPreviewSide = 1600;
constexpr size_t kMaxReportRows = 2000;
constexpr int kMaxDueDays = 9999;
// lp hands the job to the spooler, it does not print: a minute is plenty, and a hung CUPS must
// not hold the printing worker (and the caller's answer) for ever.
constexpr std::chrono::milliseconds kLpTimeout = std::chrono::minutes(1);

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

ServiceError invalid(const QString& message) {
    return ServiceError(dbus_error::kInvalidArgument, message);
}

// A text option of a query or report: absent, or a bounded string.
std::optional<std::string> textOption(const QVariantMap& options, const char* key) {
    const QVariant value = options.value(QLatin1String(key));
    if (!value.isValid()) return std::nullopt;
    if (value.typeId() != QMetaType::QString)
        throw invalid(QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
    requireBounded(value.toString(), key, kMaxShortText);
    if (value.toString().isEmpty()) return std::nullopt;
    return value.toString().toStdString();
}

void onlyKeys(const QVariantMap& options, const QStringList& allowed, const char* method) {
    for (auto it = options.begin(); it != options.end(); ++it)
        if (!allowed.contains(it.key()))
            throw invalid(QStringLiteral("unknown option '%1': %2 takes %3")
                              .arg(it.key().left(64), QLatin1String(method),
                                   allowed.join(QStringLiteral(", "))));
}

uint64_t entryIndex(qlonglong index) {
    if (index < 0) throw invalid(QStringLiteral("an entry index is 0 or more"));
    return static_cast<uint64_t>(index);
}

QVariantMap hitMap(const operations::RegisterHit& hit) {
    const auto text = [&](const char* key) { return qs(records::entryText(hit.fields, key)); };
    const auto either = [&](const char* a, const char* b) {
        const QString first = text(a);
        return first.isEmpty() ? text(b) : first;
    };
    return QVariantMap{
        {"index", static_cast<qlonglong>(hit.index)},
        {"kind", text("kind")},
        {"time", text("time")},
        {"ended", text("ended")},
        {"asset", either("asset", "tag")},
        {"serial", either("device_serial", "serial")},
        {"model", either("device_model", "model")},
        {"method", text("method")},
        {"purpose", text("purpose")},
        {"result", text("result")},
        {"operator", either("operator", "by")},
        {"certificates", static_cast<uint>(hit.certificates)},
    };
}

QStringList stringList(const std::vector<std::string>& values) {
    QStringList out;
    for (const auto& v : values) out << qs(v);
    return out;
}

std::string today() {
    return records::jstDate(records::formatRfc3339(std::chrono::system_clock::now()));
}

std::string dateOption(const QVariantMap& options, const char* key,
                       const std::optional<std::string>& fallback) {
    const auto value = textOption(options, key);
    if (!value && !fallback) throw invalid(QStringLiteral("give %1").arg(QLatin1String(key)));
    std::string date = value.value_or(fallback.value_or(""));
    if (!records::isValidDate(date))
        throw invalid(QStringLiteral("%1 '%2' is not a date written as %3")
                          .arg(QLatin1String(key), qs(date.substr(0, 20)),
                               QLatin1String(records::kDateRule)));
    return date;
}

records::TableReport mediaReport(records::Store& store, const std::string& kind,
                                 const QVariantMap& options) {
    records::Register& log = store.signedRegister();
    const records::MediaLedger ledger(store.database(), log);
    if (kind == "ledger" || kind == "carried-out") {
        onlyKeys(options, {QStringLiteral("as_of")}, "this report");
        const std::string asOf = dateOption(options, "as_of", today());
        return kind == "ledger" ? records::mediaLedgerReport(ledger, asOf, store.origin())
                                : records::carriedOutReport(ledger, log, asOf, store.origin());
    }
    if (kind == "due") {
        onlyKeys(options, {QStringLiteral("within")}, "the due report");
        int within = 30;
        if (options.contains(QStringLiteral("within"))) {
            bool ok = false;
            within = options.value(QStringLiteral("within")).toInt(&ok);
            if (!ok || within < 0 || within > kMaxDueDays)
                throw invalid(QStringLiteral("within must be a number of days from 0 to 9999"));
        }
        return records::mediaDueReport(ledger, today(), within, store.origin());
    }
    if (kind == "closures") {
        onlyKeys(options, {QStringLiteral("from"), QStringLiteral("to")}, "the closures report");
        const std::string from = dateOption(options, "from", std::nullopt);
        const std::string to = dateOption(options, "to", std::nullopt);
        if (to < from) throw invalid(QStringLiteral("to is before from"));
        return records::mediaClosuresReport(ledger, log, from, to, store.origin());
    }
    throw invalid(QStringLiteral("unknown report '%1': use ledger, carried-out, due or closures")
                      .arg(qs(kind.substr(0, 20))));
}

}  // namespace

RecordsDesk::RecordsDesk(Service& service, Session& session)
    : service_(service),
      session_(session),
      path_(session.path() + QStringLiteral("/records")),
      adaptor_(std::make_unique<RecordsAdaptor>(this)) {
    service_.bus().registerObject(path_, this);
}

RecordsDesk::~RecordsDesk() {
    service_.bus().unregisterObject(path_);
    printing_.clear();  // waits for lp: the answers are dropped with this object
    drawing_.clear();
}

template <typename Act>
auto RecordsDesk::serve(Act&& act) -> decltype(act()) {
    try {
        // From inside the service (no connection to compare) a call is taken as the owner's, as
        // the session's own calls are: the person is read again and the session kept alive.
        session_.admit(calledFromDBus() ? message().service() : session_.owner());
        return act();
    } catch (...) {
        replyWithError(*this, std::current_exception());
        return decltype(act())();
    }
}

QVariantMapList RecordsDesk::Search(const QVariantMap& query, uint offset, uint limit,
                                    uint& total) {
    return serve([&] {
        onlyKeys(query,
                 {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("serial"),
                  QStringLiteral("asset")},
                 "Search");
        const operations::RegisterQuery q{textOption(query, "from"), textOption(query, "to"),
                                          textOption(query, "serial"), textOption(query, "asset")};
        const operations::RegisterPage page =
            operations::searchRegister(service_.store(), session_.user(), q, offset, limit);
        total = static_cast<uint>(page.total);
        QVariantMapList hits;
        for (const auto& hit : page.hits) hits.append(hitMap(hit));
        return hits;
    });
}

qlonglong RecordsDesk::PrintCertificate(qlonglong index, const QString& printer) {
    return serve([&]() -> qlonglong {
        operations::PrintCertificateInput input;
        input.index = entryIndex(index);
        requireBounded(printer, "printer", kMaxShortText);
        if (!printer.isEmpty()) {
            const std::string name = printer.toStdString();
            if (records::textProblem(name, records::TextKind::Identifier))
                throw invalid(
                    QStringLiteral("printer: a CUPS queue name is 1-64 letters, digits, . _ -"));
            input.printer = name;
        }
        const std::string title = "massho certificate " + std::to_string(input.index);
        input.send = [printer = input.printer, title](const std::string& pdf) {
            operations::printWithLp(pdf, printer, title, kLpTimeout);
        };
        auto store = service_.openWorkerStore();
        auto operation = std::make_unique<operations::PrintCertificateOperation>(
            *store, session_.user(), std::move(input));
        operation->check();
        // lp runs on a worker thread with its own store; the answer goes out when it is done.
        setDelayedReply(true);
        const QDBusMessage call = message();
        auto worker = std::make_unique<JobWorker>(std::move(store), std::move(operation));
        JobWorker* started = worker.get();
        printing_.push_back(std::move(worker));
        started->start([this, started, call] {
            QMetaObject::invokeMethod(
                this, [this, started, call] { answerPrint(started, call); }, Qt::QueuedConnection);
        });
        return 0;
    });
}

void RecordsDesk::answerPrint(JobWorker* worker, const QDBusMessage& call) {
    const auto outcome = worker->outcome();
    if (outcome && outcome->done() && outcome->registerIndex)
        service_.bus().send(call.createReply(static_cast<qlonglong>(*outcome->registerIndex)));
    else
        service_.bus().send(call.createErrorReply(
            QString::fromLatin1(dbus_error::kFailed),
            outcome ? qs(outcome->message) : QStringLiteral("printing failed")));
    printing_.remove_if([worker](const auto& w) { return w.get() == worker; });
}

QByteArray RecordsDesk::PreviewCertificate(qlonglong index, uint size) {
    return serve([&] {
        operations::requireRole(session_.user(),
                                {records::Role::RecordsOfficer, records::Role::Auditor},
                                "previewing a certificate");
        if (size < kMinPreviewSide || size > kMaxPreviewSide)
            throw invalid(QStringLiteral("size must be from %1 to %2 pixels")
                              .arg(kMinPreviewSide)
                              .arg(kMaxPreviewSide));
        const uint64_t entry = entryIndex(index);
        operations::requireEntry(service_.store().signedRegister(), entry);
        std::string pdf;
        try {
            pdf = records::archivedCertificate(service_.store(), entry);
        } catch (const records::RecordsError& e) {
            throw ServiceError(dbus_error::kNotFound, qs(e.what()));
        }
        setDelayedReply(true);
        const QDBusMessage call = message();
        auto preview = std::make_unique<CertificatePreview>(
            pdf, size, [this, call](const QByteArray& png, const QString& error) {
                service_.bus().send(
                    error.isEmpty()
                        ? call.createReply(png)
                        : call.createErrorReply(QString::fromLatin1(dbus_error::kFailed), error));
            });
        CertificatePreview* drawing = preview.get();
        connect(drawing, &CertificatePreview::finished, this, [this, drawing] {
            for (auto it = drawing_.begin(); it != drawing_.end(); ++it)
                if (it->get() == drawing) {
                    it->release()->deleteLater();  // inside its own signal
                    drawing_.erase(it);
                    break;
                }
        });
        drawing_.push_back(std::move(preview));
        return QByteArray();
    });
}

QVariantMap RecordsDesk::GetReport(const QString& kind, const QVariantMap& options) {
    return serve([&] {
        operations::requireRole(session_.user(),
                                {records::Role::RecordsOfficer, records::Role::Auditor},
                                "reading the media reports");
        requireBounded(kind, "kind", kMaxShortText);
        const records::TableReport report =
            mediaReport(service_.store(), kind.toStdString(), options);
        QStringList cells;
        const size_t rows = std::min(report.rows.size(), kMaxReportRows);
        for (size_t r = 0; r < rows; ++r) {
            const auto& row = report.rows[r];
            for (size_t c = 0; c < report.pdfHeader.size(); ++c)
                cells << (c < row.size() ? qs(row[c]) : QString());
        }
        return QVariantMap{
            {"title", qs(report.title)},
            {"preamble", stringList(report.preamble)},
            {"header", stringList(report.pdfHeader)},
            {"cells", cells},
            {"rows", static_cast<uint>(rows)},
            {"truncated", report.rows.size() > kMaxReportRows},
        };
    });
}

QDBusObjectPath RecordsDesk::VerifyRegister() {
    return serve([&] {
        auto operation = std::make_unique<operations::VerifyRegisterOperation>(service_.dataDir(),
                                                                               session_.user());
        operation->check();
        const JobIdentity identity{QStringLiteral("verify-register"), QStringLiteral("register"),
                                   session_.userId(), false};
        return QDBusObjectPath(service_.startJob(identity, nullptr, std::move(operation)).path());
    });
}

QVariantMap RecordsDesk::GetCheckpoint(QVariantMapList& cosignatures) {
    return serve([&] {
        const operations::CheckpointView view =
            operations::latestCheckpoint(service_.store(), session_.user());
        for (const auto& c : view.cosignatures)
            cosignatures.append(QVariantMap{{"size", static_cast<qulonglong>(c.size)},
                                            {"witness", qs(c.witness)},
                                            {"time", qs(c.time)}});
        return QVariantMap{{"size", static_cast<qulonglong>(view.size)},
                           {"root", qs(view.rootBase64)},
                           {"time", qs(view.time)},
                           {"note", qs(view.note)}};
    });
}

}  // namespace massho::service
