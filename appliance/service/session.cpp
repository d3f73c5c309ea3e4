#include "session.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <algorithm>
#include <chrono>
#include <exception>

#include "carry_adaptor.h"
#include "carry_desk.h"
#include "dbus_error.h"
#include "ledger.h"
#include "massho/erase/verify_mode.h"
#include "massho/operations/create_request_operation.h"
#include "massho/operations/decide_request_operation.h"
#include "massho/operations/erasure_operation.h"
#include "massho/operations/erasure_plan.h"
#include "massho/operations/issue_certificate_operation.h"
#include "massho/operations/require_role.h"
#include "massho/records/people/store.h"
#include "massho/records/register/clock.h"
#include "records_desk.h"
#include "service.h"
#include "session_adaptor.h"

namespace massho::service {

namespace {

// Bounds on what a caller may send: generous for people, small enough that a hostile client
// cannot make the service carry megabytes around (a D-Bus message may be up to 128 MiB).
constexpr int kMaxShortText = 256;  // IDs, tags, method names, purposes
constexpr int kMaxPath = 4096;      // PATH_MAX
constexpr int kMaxNote = 2048;      // free text for the approver, reasons
constexpr int kMaxFiles = 1024;     // files chosen for one carry-out

std::string text(const QString& value, const char* argument, int maxBytes) {
    requireBounded(value, argument, maxBytes);
    return value.toStdString();
}

std::optional<std::string> optionalText(const QString& value, const char* argument) {
    if (value.isEmpty()) return std::nullopt;
    return text(value, argument, kMaxShortText);
}

// StartErase's options: verify s, blank b; anything else is a mistake worth saying.
void readEraseOptions(const QVariantMap& options, operations::ErasureInput& input) {
    for (auto it = options.begin(); it != options.end(); ++it) {
        if (it.key() == QLatin1String("verify") && it.value().typeId() == QMetaType::QString) {
            const auto mode = erase::parseVerifyMode(it.value().toString().toStdString());
            if (!mode)
                throw ServiceError(dbus_error::kInvalidArgument,
                                   QStringLiteral("verify must be full, sample or none"));
            input.verify = *mode;
        } else if (it.key() == QLatin1String("blank") && it.value().typeId() == QMetaType::Bool) {
            input.blank = it.value().toBool();
        } else {
            throw ServiceError(dbus_error::kInvalidArgument,
                               QStringLiteral("unknown option '%1' (or wrong type): StartErase "
                                              "takes verify (s) and blank (b)")
                                   .arg(it.key().left(64)));
        }
    }
}

std::optional<int> ledgerClass(int infoClass) {
    if (infoClass == 0) return std::nullopt;  // the media ledger's
    return infoClass;
}

}  // namespace

// The path of a device this service listed (never anything else a caller names).
std::string Session::listedDevice(const QString& device) const {
    requireBounded(device, "device", kMaxPath);
    return service_.devices().listed(device).path;
}

Session::Session(Service& service, records::User user, QString owner, QString path)
    : service_(service),
      adaptor_(std::make_unique<SessionAdaptor>(this)),
      carryAdaptor_(std::make_unique<CarryAdaptor>(this)),
      user_(std::move(user)),
      owner_(std::move(owner)),
      path_(std::move(path)) {
    ledger_ = std::make_unique<Ledger>(service_, *this);
    const auto& config = service_.store().config();
    idle_.setSingleShot(true);
    idle_.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(config.sessionIdle));
    connect(&idle_, &QTimer::timeout, this, &Session::end);
    idle_.start();
    maxAge_.setSingleShot(true);
    maxAge_.setInterval(
        std::chrono::duration_cast<std::chrono::milliseconds>(config.sessionMaxAge));
    connect(&maxAge_, &QTimer::timeout, this, &Session::end);
    maxAge_.start();
    records_ = std::make_unique<RecordsDesk>(service_, *this);
}

Session::~Session() = default;

QStringList Session::roles() const {
    QStringList names;
    for (const records::Role role : user_.roles)
        names << QString::fromStdString(std::string(records::toString(role)));
    return names;
}

uint Session::idleMinutes() const {
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(service_.store().config().sessionIdle);
    return static_cast<uint>(std::max<std::chrono::minutes::rep>(1, minutes.count()));
}

// The account as it is now: a person disabled or expired since logging in loses the session at
// the next call (Art. 17), and a role changed by an administrator applies at once.
void Session::refreshPerson() {
    const std::optional<records::User> now = service_.store().users().find(user_.id);
    const std::string today = records::formatDate(service_.store().clock()());
    if (!now || now->disabled || (now->expires && today > *now->expires)) {
        end();
        throw refusal(dbus_error::kNotAuthorized,
                      QStringLiteral("the account '%1' is disabled or has expired: the "
                                     "session has ended")
                          .arg(userId()),
                      "session.ended", {userId()});
    }
    user_ = *now;
}

const records::User& Session::admit(const QString& caller) {
    if (ended_)
        throw refusal(dbus_error::kNotAuthorized,
                      QStringLiteral("the session has ended: log in again"), "session.closed");
    if (caller != owner_)
        throw refusal(dbus_error::kNotAuthorized,
                      QStringLiteral("this session belongs to another connection: log in "
                                     "with Login on your own connection"),
                      "session.other-connection");
    refreshPerson();
    idle_.start();  // a call from its person keeps the session alive
    return user_;
}

template <typename Act>
auto Session::serve(Act&& act) -> decltype(act()) {
    try {
        // A call from inside the service (not from D-Bus) has no connection to compare: it is
        // taken as the owner's, and the person is still read again and the session kept alive.
        admit(calledFromDBus() ? message().service() : owner_);
        return act();
    } catch (...) {
        replyWithError(*this, std::current_exception());
        return decltype(act())();
    }
}

QDBusObjectPath Session::StartErase(const QString& device, const QString& method,
                                    const QString& purpose, int infoClass, const QString& asset,
                                    const QString& request, const QVariantMap& options) {
    return serve([&] {
        operations::requireRole(user_, {records::Role::Operator}, "erasing a medium");
        // Every argument is bounded and read before anything is looked up.
        operations::ErasureInput input;
        input.purpose = text(purpose, "purpose", kMaxShortText);
        input.infoClass = ledgerClass(infoClass);
        input.assetTag = optionalText(asset, "asset");
        input.requestId = optionalText(request, "request");
        readEraseOptions(options, input);
        input.methodId = operations::erasureMethod(text(method, "method", kMaxShortText)).id;
        input.devicePath = listedDevice(device);
        input.operatorId = user_.id;
        input.protectedPaths.push_back(service_.dataDir());

        service_.requireDeviceFree(QString::fromStdString(input.devicePath));
        auto store = service_.openWorkerStore();
        auto operation = std::make_unique<operations::ErasureOperation>(*store, std::move(input));
        operation->check();
        const JobIdentity identity{QStringLiteral("erase"), device, userId(),
                                   !operation->method().hardware};
        return QDBusObjectPath(
            service_.startJob(identity, std::move(store), std::move(operation)).path());
    });
}

QVariantMap Session::PlanErase(const QString& device, const QString& purpose, int infoClass) {
    return serve([&] {
        operations::requireRole(user_, {records::Role::Operator}, "planning an erasure");
        const std::string wanted = text(purpose, "purpose", kMaxShortText);
        requireBounded(device, "device", kMaxPath);
        const appliance::BlockDevice& listed = service_.devices().listed(device);
        const records::DeviceIdentity identity{listed.path, listed.model, listed.serial,
                                               listed.sizeBytes};
        const operations::ErasurePlan plan =
            operations::planErasure(service_.store(), identity, wanted, infoClass);
        return QVariantMap{
            {"asset", QString::fromStdString(plan.assetTag)},
            {"info_class", plan.infoClass},
            {"approval_required", plan.approvalRequired},
        };
    });
}

QString Session::RequestErase(const QString& device, const QString& method, const QString& purpose,
                              int infoClass, const QString& asset, const QString& note) {
    return serve([&] {
        // Every argument is bounded before anything is looked up.
        operations::CreateRequestInput input;
        input.details.kind = records::RequestKind::Erase;
        input.details.purpose = text(purpose, "purpose", kMaxShortText);
        input.details.infoClass = infoClass;
        input.details.assetTag = text(asset, "asset", kMaxShortText);
        input.details.note = text(note, "note", kMaxNote);
        input.details.method = operations::erasureMethod(text(method, "method", kMaxShortText)).id;
        input.devicePath = listedDevice(device);
        input.protectedPaths.push_back(service_.dataDir());
        operations::CreateRequestOperation create(service_.store(), user_, std::move(input));
        create.check();
        operations::ProgressSink progress;
        create.run(progress, operations::CancelToken());
        return QString::fromStdString(create.request().id);
    });
}

void Session::Approve(const QString& request_id) {
    serve([&] {
        service_.decide(user_, text(request_id, "request_id", kMaxShortText),
                        operations::Decision::Approve, {});
    });
}

void Session::Reject(const QString& request_id, const QString& reason) {
    serve([&] {
        service_.decide(user_, text(request_id, "request_id", kMaxShortText),
                        operations::Decision::Reject, text(reason, "reason", kMaxNote));
    });
}

QVariantMapList Session::GetRequests() {
    return serve([&] { return service_.requestsFor(user_); });
}

QDBusObjectPath Session::StartCarryOut(const QString& device, const QStringList& files,
                                       const QStringList& recipients, int infoClass,
                                       const QString& destination, const QString& asset,
                                       const QString& request, const QVariantMap& options) {
    return serve([&] {
        operations::requireRole(user_, {records::Role::Operator}, "carrying files out");
        if (files.size() > kMaxFiles || recipients.size() > kMaxShortText)
            throw ServiceError(dbus_error::kInvalidArgument,
                               QStringLiteral("too many files or recipients in one carry-out"));
        if (!options.isEmpty())
            throw ServiceError(dbus_error::kInvalidArgument,
                               QStringLiteral("StartCarryOut takes no options yet; a "
                                              "passphrase is never accepted over D-Bus"));
        CarryOutAsk ask;
        ask.device = listedDevice(device);
        for (const QString& file : files) ask.files.emplace_back(text(file, "file", kMaxPath));
        for (const QString& name : recipients)
            ask.recipients.push_back(text(name, "recipient", kMaxShortText));
        ask.infoClass = infoClass;
        ask.destination = text(destination, "destination", kMaxNote);
        ask.asset = text(asset, "asset", kMaxShortText);
        ask.request = optionalText(request, "request");
        return QDBusObjectPath(service_.startCarryOut(user_, std::move(ask)).path());
    });
}

QString Session::IssueCertificate(qlonglong index, qlonglong& entry) {
    return serve([&] {
        if (index < 0)
            throw ServiceError(dbus_error::kInvalidArgument,
                               QStringLiteral("an entry index is 0 or more"));
        operations::IssueCertificateOperation issue(service_.store(), user_,
                                                    {static_cast<uint64_t>(index), {}});
        issue.check();
        operations::ProgressSink progress;
        issue.run(progress, operations::CancelToken());
        entry = static_cast<qlonglong>(issue.issued().recordIndex);
        return QString::fromStdString(issue.issued().archived.string());
    });
}

void Session::Logout() {
    serve([&] { end(); });
}

QVariantMapList Session::GetSources(bool& truncated) {
    return serve([&] { return carry::sources(service_, user_, truncated); });
}

QVariantMapList Session::GetRecipients() {
    return serve([&] { return carry::recipients(service_); });
}

QVariantMap Session::PlanCarryOut(const QString& device, int infoClass) {
    return serve([&] {
        requireBounded(device, "device", kMaxPath);
        return carry::plan(service_, user_, service_.devices().listed(device), infoClass);
    });
}

QString Session::RequestCarryOut(const QString& device, int infoClass, const QString& asset,
                                 const QString& destination, const QString& note) {
    return serve([&] {
        return carry::request(
            service_, user_, listedDevice(device), infoClass, text(asset, "asset", kMaxShortText),
            text(destination, "destination", kMaxNote), text(note, "note", kMaxNote));
    });
}

QDBusObjectPath Session::StartCarryIn(const QString& device, const QString& condition,
                                      bool cryptoErase) {
    return serve([&] {
        const std::string path = listedDevice(device);
        return QDBusObjectPath(carry::startCarryIn(service_, user_, path,
                                                   text(condition, "condition", kMaxNote),
                                                   cryptoErase)
                                   .path());
    });
}

void Session::end() {
    if (ended_) return;
    ended_ = true;
    idle_.stop();
    maxAge_.stop();
    emit closed();
}

}  // namespace massho::service
