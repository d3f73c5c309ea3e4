#include "carry_out_job.h"

#include "dbus_error.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/require_role.h"
#include "massho/records/people/recipient_book.h"
#include "massho/records/people/store.h"

namespace massho::service {

namespace {

image::X25519Recipient fromKeyBook(const records::RecipientBook& book, const std::string& name) {
    const auto key = book.find(name);
    if (!key)
        throw ServiceError(dbus_error::kNotFound,
                           QStringLiteral("'%1' is not a name in the key book: choose one the "
                                          "administrator added (massho recipients list)")
                               .arg(QString::fromStdString(name).left(64)));
    return image::X25519Recipient::parse(key->publicKey);
}

}  // namespace

CarryOutJob::CarryOutJob(const std::filesystem::path& dataDir, const records::User& person,
                         CarryOutAsk ask)
    : store_(std::make_unique<records::Store>(records::Store::open(dataDir))) {
    operations::requireRole(person, {records::Role::Operator}, "carrying files out");
    if (ask.files.empty())
        throw ServiceError(dbus_error::kInvalidArgument,
                           QStringLiteral("no files chosen: give at least one file"));
    if (ask.recipients.empty())
        throw ServiceError(dbus_error::kInvalidArgument,
                           QStringLiteral("no recipient chosen: give a name from the key book"));
    if (ask.infoClass < 1 || ask.infoClass > 4)
        throw ServiceError(dbus_error::kInvalidArgument,
                           QStringLiteral("information class must be 1, 2, 3 or 4 (Art. 7)"));
    operations::CarryOutInput input;
    input.devicePath = ask.device;
    input.files = std::move(ask.files);
    const records::RecipientBook book(store_->database(), store_->signedRegister());
    for (const auto& name : ask.recipients) input.recipients.push_back(fromKeyBook(book, name));
    input.infoClass = ask.infoClass;
    input.destination = ask.destination;
    input.requestId = ask.request;
    input.assetTag = ask.asset;
    input.operatorId = person.id;
    operation_ = std::make_unique<operations::CarryOutOperation>(*store_, std::move(input));
}

CarryOutJob::~CarryOutJob() = default;

void CarryOutJob::check() {
    operation_->check();
}

operations::Outcome CarryOutJob::run(operations::ProgressSink& progress,
                                     const operations::CancelToken& cancel) {
    return operation_->run(progress, cancel);
}

}  // namespace massho::service
