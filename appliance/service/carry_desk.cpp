#include "carry_desk.h"

#include "carry_in_job.h"
#include "massho/operations/carryout_plan.h"
#include "massho/operations/create_request_operation.h"
#include "massho/operations/require_role.h"
#include "massho/operations/source_allow_list.h"
#include "massho/operations/source_listing.h"
#include "massho/records/people/recipient_book.h"
#include "service.h"

namespace massho::service::carry {

namespace {

// A folder listing for a touchscreen: more than this is not chosen by scrolling anyway.
constexpr size_t kEntriesPerFolder = 200;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

QVariantMapList sources(Service& service, const records::User& person, bool& truncated) {
    operations::requireRole(person, {records::Role::Operator}, "choosing files to carry out");
    const operations::SourceListing listing = operations::listAllowedSources(
        operations::loadSourceAllowList(service.dataDir()), kEntriesPerFolder);
    QVariantMapList out;
    for (const operations::SourceEntry& e : listing.entries)
        out.append(QVariantMap{{"folder", qs(e.folder.string())},
                               {"path", qs(e.path.string())},
                               {"name", qs(e.name)},
                               {"directory", e.directory},
                               {"size", QVariant::fromValue<qulonglong>(e.size)}});
    truncated = listing.truncated;
    return out;
}

// Public keys only, like `massho recipients list`, which needs no login at all.
QVariantMapList recipients(Service& service) {
    const records::RecipientBook book(service.store().database(), service.store().signedRegister());
    QVariantMapList out;
    for (const records::RecipientKey& k : book.list())
        out.append(QVariantMap{
            {"name", qs(k.name)}, {"label", qs(k.label)}, {"fingerprint", qs(k.fingerprint)}});
    return out;
}

QVariantMap plan(Service& service, const records::User& person,
                 const appliance::BlockDevice& device, int infoClass) {
    operations::requireRole(person, {records::Role::Operator}, "planning a carry-out");
    const records::DeviceIdentity identity{device.path, device.model, device.serial,
                                           device.sizeBytes};
    const operations::CarryOutPlan plan =
        operations::planCarryOut(service.store(), identity, infoClass);
    return QVariantMap{{"asset", qs(plan.assetTag)}, {"approval_required", plan.approvalRequired}};
}

QString request(Service& service, const records::User& person, const std::string& devicePath,
                int infoClass, const std::string& asset, const std::string& destination,
                const std::string& note) {
    operations::CreateRequestInput input;
    input.details.kind = records::RequestKind::Carryout;
    input.details.purpose = "carryout";
    input.details.infoClass = infoClass;
    input.details.assetTag = asset;
    input.details.destination = destination;
    input.details.note = note;
    input.devicePath = devicePath;
    input.protectedPaths.push_back(service.dataDir());
    operations::CreateRequestOperation create(service.store(), person, std::move(input));
    create.check();
    operations::ProgressSink progress;
    create.run(progress, operations::CancelToken());
    return qs(create.request().id);
}

Job& startCarryIn(Service& service, const records::User& person, const std::string& devicePath,
                  const std::string& condition, bool cryptoErase) {
    const QString device = qs(devicePath);
    service.requireDeviceFree(device);
    auto operation =
        std::make_unique<CarryInJob>(service.dataDir(), person, devicePath, condition, cryptoErase);
    operation->check();
    return service.startJob({QStringLiteral("carry-in"), device, qs(person.id), true}, nullptr,
                            std::move(operation));
}

}  // namespace massho::service::carry
