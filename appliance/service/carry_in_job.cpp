#include "carry_in_job.h"

#include "massho/operations/require_role.h"
#include "massho/records/people/store.h"

namespace massho::service {

CarryInJob::CarryInJob(const std::filesystem::path& dataDir, const records::User& person,
                       std::string device, std::string condition, bool cryptoErase)
    : store_(std::make_unique<records::Store>(records::Store::open(dataDir))) {
    // The roles `massho carryin` admits.
    operations::requireRole(person, {records::Role::Operator, records::Role::DataManager},
                            "recording a returned medium");
    operations::CarryInInput input;
    input.devicePath = std::move(device);
    if (!condition.empty()) input.condition = std::move(condition);
    input.operatorId = person.id;
    input.cryptoErase = cryptoErase;
    operation_ = std::make_unique<operations::CarryInOperation>(*store_, std::move(input));
}

CarryInJob::~CarryInJob() = default;

void CarryInJob::check() {
    operation_->check();
}

operations::Outcome CarryInJob::run(operations::ProgressSink& progress,
                                    const operations::CancelToken& cancel) {
    return operation_->run(progress, cancel);
}

}  // namespace massho::service
