#include "massho/operations/carryin_operation.h"

#include "massho/image/carryout_error.h"
#include "massho/image/crypto_erase.h"
#include "massho/image/fat_medium.h"
#include "massho/operations/erasure_job.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"
#include "massho/records/register/text_field.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;

// A medium that comes back unmatched may hold anything: it is treated as the strictest class.
constexpr int kUnknownClass = 1;

std::string joinOffsets(const std::vector<uint64_t>& offsets) {
    std::string out;
    for (auto o : offsets) out += (out.empty() ? "" : ",") + std::to_string(o);
    return out;
}

// Art. 16(3): a refusal is recorded too. Nothing was written to the medium.
[[noreturn]] void refuseSecondReturn(records::Register& log, const CarryInInput& input,
                                     const MediumDescription& medium, const std::string& volumeId,
                                     uint64_t carryOutIndex, uint64_t returnIndex) {
    const std::string reason =
        "this medium's carry-out (register entry " + std::to_string(carryOutIndex) +
        ") was already returned in register entry " + std::to_string(returnIndex) +
        ": a medium comes back once per carry-out (to wipe it now, use 'massho erase')";
    records::EntryBuilder e(records::EntryKind::CarryInRefused);
    e.set("operator", input.operatorId);
    e.set("device_path", medium.path);
    e.set("device_serial", medium.serial);
    e.set("volume_id", volumeId);
    e.set("carry_out_index", static_cast<int64_t>(carryOutIndex));
    e.set("carry_in_entry", static_cast<int64_t>(returnIndex));
    e.set("reason", reason);
    e.set("software", "massho " MASSHO_VERSION);
    const uint64_t index = log.append(e.finish());
    throw OperationError(Category::Refused, "carry-in refused: " + reason +
                                                " (refusal recorded as register entry " +
                                                std::to_string(index) + ")");
}

}  // namespace

CarryInOperation::CarryInOperation(records::Store& store, CarryInInput input)
    : CarryInOperation(store.signedRegister(), std::move(input)) {
    input_.dataDir = store.dir();
    input_.stallTimeout = store.config().stallTimeout;
    storeLedger_ = std::make_unique<records::MediaLedger>(store.database(), store.signedRegister(),
                                                          store.clock());
    input_.ledger = storeLedger_.get();
}

CarryInOperation::CarryInOperation(records::Register& log, CarryInInput input)
    : register_(log), input_(std::move(input)) {
    if (!input_.method) input_.method = erase::findMethod("usb-clear");
}

CarryInOperation::~CarryInOperation() = default;

ErasureJobInput CarryInOperation::erasureJobInput(const std::string& asset, int infoClass) const {
    ErasureJobInput er;
    er.devicePath = input_.devicePath;
    er.method = input_.method;
    er.verify = input_.method->defaultVerify;
    er.protectedPaths.push_back(input_.dataDir);
    er.stallTimeout = input_.stallTimeout;
    er.context.operatorId = input_.operatorId;
    er.context.purpose = "reuse";
    er.context.infoClass = infoClass;  // the class of the data that went out on it
    er.context.assetTag = asset;
    return er;
}

void CarryInOperation::check() {
    if (checked_) return;
    records::requireText("--condition", input_.condition, records::TextKind::Line);
    medium_ = ErasureJob(register_, erasureJobInput("carry-in", kUnknownClass)).describe();
    volumeId_ = image::readVolumeId(medium_.path);
    match_ =
        findCarryOut(register_, input_.ledger,
                     {medium_.path, medium_.model, medium_.serial, medium_.sizeBytes}, volumeId_);
    if (match_)
        if (auto returned = findReturn(register_, match_->index))
            refuseSecondReturn(register_, input_, medium_, volumeId_, match_->index, *returned);
    checked_ = true;
}

Outcome CarryInOperation::run(ProgressSink& progress, const CancelToken& cancel) {
    check();
    if (cancel.requested())
        return {OutcomeKind::Interrupted,
                "carry-in cancelled before it started: nothing was written or recorded",
                {}};
    ErasureJob erasure(register_, match_ ? erasureJobInput(match_->asset, match_->infoClass)
                                         : erasureJobInput("carry-in", kUnknownClass));

    CarryInResult& result = result_;
    result.carryOutIndex = match_ ? std::optional(match_->index) : std::nullopt;
    records::EntryBuilder e(records::EntryKind::CarryIn);
    std::string cryptoErase = "not requested", failure;
    bool cancelled = false;
    if (input_.cryptoErase) {
        progress.setSteps({{"destroying headers", 1}, {"erasing", 20}});
        try {
            progress.beginStep("destroying headers");
            image::HeaderWipeResult wiped = image::destroyAgeHeaders(medium_.path);
            result.headersDestroyed = wiped.offsets.size();
            e.set("headers_destroyed", static_cast<int64_t>(wiped.offsets.size()));
            e.set("header_offsets", joinOffsets(wiped.offsets));
            progress.beginStep("erasing");
            auto erased =
                erasure.run(cancel.flag(), [&](const erase::Progress& p) { progress.report(p); });
            result.erasureIndex = erased.registerIndex;
            result.erased = erased.report.outcome == erase::Outcome::Erased;
            cancelled = erased.report.outcome == erase::Outcome::Cancelled;
            e.set("erasure_index", static_cast<int64_t>(erased.registerIndex));
            cryptoErase = result.erased ? "done" : "failed";
            if (!result.erased) failure = "overwrite: " + erased.report.failureReason;
        } catch (const image::CarryOutError& x) {
            cryptoErase = "failed";
            failure = x.what();
        }
    }
    e.set("operator", input_.operatorId);
    e.set("condition", input_.condition);
    e.set("device_path", medium_.path);
    e.set("device_model", medium_.model);
    e.set("device_serial", medium_.serial);
    e.set("device_transport", medium_.transport);
    e.set("volume_id", volumeId_);
    e.set("matched", match_ ? "yes" : "no");
    if (match_) {
        e.set("carry_out_index", static_cast<int64_t>(match_->index));
        e.set("package", match_->package);
        e.set("asset", match_->asset);
    }
    e.set("crypto_erase", cryptoErase);
    if (!failure.empty()) e.set("failure", failure);
    e.set("software", "massho " MASSHO_VERSION);
    result.entry = e.finish();
    result.registerIndex = register_.append(result.entry);
    const std::string recorded =
        "; the return is recorded as register entry " + std::to_string(result.registerIndex);
    if (cancelled)
        return {OutcomeKind::Interrupted,
                "crypto-erase cancelled (" + failure + ")" + recorded +
                    ": the medium is NOT erased, erase it again",
                result.registerIndex};
    if (!failure.empty())
        return {OutcomeKind::Failed, "crypto-erase FAILED: " + failure + recorded,
                result.registerIndex};
    // A front-end shows this line as the result: the crypto-erase's own entry is named in it.
    const std::string erased = result.erasureIndex
                                   ? "; crypto-erased: " + std::to_string(result.headersDestroyed) +
                                         " package header(s) destroyed, the overwrite recorded as "
                                         "register entry " +
                                         std::to_string(*result.erasureIndex)
                                   : "";
    return {OutcomeKind::Done,
            (result.carryOutIndex
                 ? "returned from carry-out entry " + std::to_string(*result.carryOutIndex)
                 : "no carry-out of this medium was found (recorded as unmatched)") +
                erased,
            result.registerIndex};
}

}  // namespace massho::operations
