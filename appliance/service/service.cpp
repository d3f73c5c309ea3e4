#include "service.h"

#include <QDateTime>
#include <QRandomGenerator>

#include "administration.h"
#include "dbus_error.h"
#include "ledger.h"
#include "massho/base/hex.h"
#include "massho/operations/job_journal.h"
#include "massho/operations/require_role.h"
#include "massho/records/register/canonical_json.h"
#include "session.h"

namespace massho::service {

namespace {

constexpr char kJobsPath[] = "/org/massho/Appliance1/jobs/";
constexpr char kSessionsPath[] = "/org/massho/Appliance1/sessions/";
// Bounds that keep a hostile or broken client from growing the service without limit.
constexpr size_t kMaxSessions = 64;
constexpr size_t kMaxSessionsPerConnection = 4;
constexpr size_t kEndedJobsKept = 256;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// An unguessable session path: the connection check is the real guard, this keeps paths from
// telling anyone how many people have logged in.
QString newSessionPath() {
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(kSessionsPath) +
           QString::fromStdString(base::hexEncode(
               std::string_view(reinterpret_cast<const char*>(words), sizeof words)));
}

}  // namespace

Service::Service(QDBusConnection bus, std::filesystem::path dataDir)
    : bus_(std::move(bus)),
      dataDir_(std::move(dataDir)),
      store_(std::make_unique<records::Store>(records::Store::open(dataDir_))),
      devices_({dataDir_}, store_->config().probeDrives),
      lister_([this] { return devices_.listingOptions(heldDevices()); },
              [this](const DeviceLister::Listing& listing) { takeListing(listing); }) {
    recoverInterruptedJobs();
}

Service::~Service() {
    stopJobs();
    sessions_.clear();
}

std::unique_ptr<records::Store> Service::openWorkerStore() const {
    return std::make_unique<records::Store>(records::Store::open(dataDir_));
}

// Art. 16(3): a job a previous run left unfinished (killed, crashed, power lost) is recorded as
// interrupted, never as done, and shown as an interrupted job.
void Service::recoverInterruptedJobs() {
    records::Register& log = store_->signedRegister();
    for (const uint64_t index : operations::JobJournal(log).reconcile()) {
        const records::EntryFields entry = records::parseEntry(log.entry(index));
        const bool carryOut = records::entryText(entry, "kind") == "carry-out";
        JobIdentity identity{carryOut ? QStringLiteral("carry-out") : QStringLiteral("erase"),
                             qs(records::entryText(entry, "device_path")),
                             qs(records::entryText(entry, "operator")), false};
        const QString result = QStringLiteral("interrupted: %1 (register entry %2)")
                                   .arg(qs(records::entryText(entry, "failure")))
                                   .arg(index);
        registerJob(
            std::make_unique<Job>(bus_, nextJobPath(), identity, result, static_cast<qint64>(index),
                                  static_cast<qulonglong>(QDateTime::currentSecsSinceEpoch())));
    }
}

QString Service::nextJobPath() {
    return QString::fromLatin1(kJobsPath) + QString::number(++jobCounter_);
}

void Service::registerJob(std::unique_ptr<Job> job) {
    bus_.registerObject(job->path(), job.get());
    const QDBusObjectPath path(job->path());
    jobs_.push_back(std::move(job));
    forgetOldJobs();
    emit jobAdded(path);
}

// Ended jobs stay visible for the kiosk's result screens; the oldest go once there are many
// (their register entries stay, of course).
void Service::forgetOldJobs() {
    size_t ended = 0;
    for (const auto& job : jobs_) ended += job->running() ? 0 : 1;
    for (auto it = jobs_.begin(); it != jobs_.end() && ended > kEndedJobsKept;) {
        if ((*it)->running()) {
            ++it;
            continue;
        }
        bus_.unregisterObject((*it)->path());
        it = jobs_.erase(it);
        --ended;
    }
}

void Service::requireDeviceFree(const QString& device) const {
    for (const auto& job : jobs_)
        if (job->running() && job->device() == device)
            throw refusal(dbus_error::kBusy,
                          QStringLiteral("%1 is being worked on by job %2: wait for it to "
                                         "end, or cancel it")
                              .arg(device, job->path()),
                          "device.busy", {device, job->path()});
}

Job& Service::startJob(const JobIdentity& identity, std::unique_ptr<records::Store> store,
                       std::unique_ptr<operations::Operation> operation) {
    auto worker = std::make_unique<JobWorker>(std::move(store), std::move(operation));
    auto job = std::make_unique<Job>(
        bus_, nextJobPath(), identity, std::move(worker),
        [this](const Job& j, const QString& caller) { requireMayCancel(j, caller); });
    Job& started = *job;
    registerJob(std::move(job));
    return started;
}

Job& Service::startCarryOut(const records::User& person, CarryOutAsk ask) {
    const QString device = qs(ask.device);
    requireDeviceFree(device);
    auto operation = std::make_unique<CarryOutJob>(dataDir_, person, std::move(ask));
    operation->check();
    return startJob({QStringLiteral("carry-out"), device, qs(person.id), true}, nullptr,
                    std::move(operation));
}

void Service::decide(const records::User& person, const std::string& requestId,
                     operations::Decision decision, const std::string& reason) {
    operations::requireRole(person, {records::Role::DataManager}, "deciding a request");
    operations::DecideRequestOperation decide(*store_, person, {requestId, decision, reason});
    decide.check();
    operations::ProgressSink progress;
    const operations::Outcome outcome = decide.run(progress, operations::CancelToken());
    if (outcome.done()) return;
    // Recorded as refused (approval-refused); the caller hears why.
    const ServiceError refused(dbus_error::kRefused, qs(outcome.message));
    if (const auto& why = decide.refusalReason())
        throw base::withReason(refused, why->key, why->args);
    throw refused;
}

QVariantMapList Service::requestsFor(const records::User& person) {
    operations::requireRole(person,
                            {records::Role::Operator, records::Role::DataManager,
                             records::Role::Auditor, records::Role::Admin},
                            "reading requests");
    const records::TimePoint now = store_->clock()();
    QVariantMapList out;
    for (const records::Request& r : store_->requests().list()) {
        out.append(QVariantMap{
            {"id", qs(r.id)},
            {"kind", qs(std::string(records::toString(r.details.kind)))},
            {"state", qs(r.displayState(now))},
            {"requester", qs(r.requester)},
            {"purpose", qs(r.details.purpose)},
            {"class", r.details.infoClass},
            {"asset", qs(r.details.assetTag)},
            {"method", qs(r.details.method)},
            {"device", qs(r.details.device.path)},
            {"serial", qs(r.details.device.serial)},
            {"note", qs(r.details.note)},
            {"created", qs(r.created)},
        });
    }
    return out;
}

QString Service::openSession(records::User user, const QString& owner) {
    size_t ofOwner = 0;
    for (const auto& [path, session] : sessions_) ofOwner += session->owner() == owner ? 1 : 0;
    if (sessions_.size() >= kMaxSessions || ofOwner >= kMaxSessionsPerConnection)
        throw refusal(dbus_error::kBusy,
                      QStringLiteral("too many sessions are open: log out of one first"),
                      "session.too-many");
    QString path = newSessionPath();
    auto session = std::make_unique<Session>(*this, std::move(user), owner, path);
    connect(session.get(), &Session::closed, this, [this, path] {
        // With its other faces below it (/ledger, /records, /Admin).
        bus_.unregisterObject(path, QDBusConnection::UnregisterTree);
        // Deleted later: the session may be inside one of its own calls (Logout).
        if (auto found = sessions_.find(path); found != sessions_.end()) {
            found->second.release()->deleteLater();
            sessions_.erase(found);
        }
    });
    bus_.registerObject(path, session.get());
    bus_.registerObject(session->ledger().path(), &session->ledger());
    bus_.registerObject(path + QStringLiteral("/Admin"),
                        &Administration::attachTo(*this, *session));
    sessions_.emplace(path, std::move(session));
    return path;
}

Session* Service::sessionAt(const QString& path) const {
    const auto found = sessions_.find(path);
    return found == sessions_.end() ? nullptr : found->second.get();
}

void Service::closeSessionsOf(const QString& owner) {
    std::vector<Session*> owned;
    for (const auto& [path, session] : sessions_)
        if (session->owner() == owner) owned.push_back(session.get());
    for (Session* session : owned) session->close();
}

void Service::requireMayCancel(const Job& job, const QString& caller) const {
    for (const auto& [path, session] : sessions_) {
        if (session->owner() != caller) continue;
        if (session->userId() == job.operatorId() || session->user().hasRole(records::Role::Admin))
            return;
    }
    throw refusal(dbus_error::kNotAuthorized,
                  QStringLiteral("only %1, who started this job, or an administrator may "
                                 "cancel it: log in as one of them")
                      .arg(job.operatorId()),
                  "job.not-yours", {job.operatorId()});
}

QList<QDBusObjectPath> Service::jobPaths() const {
    QList<QDBusObjectPath> paths;
    for (const auto& job : jobs_) paths.append(QDBusObjectPath(job->path()));
    return paths;
}

void Service::refreshDevices() {
    lister_.request();
}

void Service::listDevices(DeviceLister::Done done) {
    lister_.request(std::move(done));
}

std::set<QString> Service::heldDevices() const {
    std::set<QString> held;
    for (const auto& job : jobs_)
        if (job->running()) held.insert(job->device());
    return held;
}

void Service::takeListing(const DeviceLister::Listing& listing) {
    if (listing.error) return;  // the catalog stays as it was; GetDevices says why
    const DeviceCatalog::Changes changes = devices_.update(listing.devices, listing.options);
    for (const auto& path : changes.removed) emit deviceRemoved(qs(path));
    for (const auto& device : changes.added) emit deviceAdded(DeviceCatalog::describe(device));
    std::set<std::string> names;
    for (const auto& [path, device] : devices_.devices()) names.insert(device.name);
    emit devicesListed(names);
}

void Service::stopJobs() {
    for (auto& job : jobs_) job->stop();
    for (auto& job : jobs_) job->join();
}

}  // namespace massho::service
