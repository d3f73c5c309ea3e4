#include "massho/operations/erasure_operation.h"

#include <stdexcept>

#include "massho/base/information_class.h"
#include "massho/operations/approval_gate.h"
#include "massho/records/people/store.h"

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;

// The city's standard's purposes (Art. 8(3)/(4), Art. 20(11)) and classes (Art. 7); the same
// words the command line checks its arguments with.
void requirePurposeAndClass(const ErasureInput& input) {
    if (input.purpose != "reuse" && input.purpose != "disposal" && input.purpose != "lease-return")
        throw OperationError(Category::BadInput, "unknown purpose '" + input.purpose +
                                                     "': use reuse, disposal or lease-return");
    if (input.infoClass && !base::isInformationClass(*input.infoClass))
        throw OperationError(Category::BadInput,
                             "information class must be 1, 2, 3 or 4 (Art. 7), not '" +
                                 std::to_string(*input.infoClass) + "'");
}

OutcomeKind outcomeKind(erase::Outcome outcome) {
    switch (outcome) {
        case erase::Outcome::Erased:
            return OutcomeKind::Done;
        case erase::Outcome::Cancelled:
            return OutcomeKind::Interrupted;
        case erase::Outcome::Failed:
            break;
    }
    return OutcomeKind::Failed;
}

// The device as the person can find it on the bench: its path, model and serial.
std::string nameOf(const MediumDescription& medium) {
    std::string details = medium.model;
    if (!medium.serial.empty())
        details += (details.empty() ? "serial " : ", serial ") + medium.serial;
    return details.empty() ? medium.path : medium.path + " (" + details + ")";
}

// massho(1) and the kiosk: what the person reads last, naming the entry that says so. A job that
// did not end erased names the device, since the person may have several on the bench.
std::string outcomeMessage(const MediumDescription& medium, const ErasureJobResult& result) {
    const erase::Report& r = result.report;
    const std::string entry = std::to_string(result.registerIndex);
    if (r.outcome == erase::Outcome::Erased)
        return "erased and verified (" + std::string(erase::toString(r.verifyMode)) +
               "); register entry " + entry;
    return "erasure of " + nameOf(medium) +
           (r.outcome == erase::Outcome::Cancelled ? " cancelled" : " FAILED") + ": " +
           r.failureReason + "; recorded as register entry " + entry +
           " — the medium is NOT erased";
}

[[noreturn]] void notYet(const char* what) {
    throw std::logic_error(std::string("ErasureOperation: ") + what);
}

}  // namespace

const erase::Method& erasureMethod(const std::string& id) {
    const erase::Method* m = erase::findMethod(id);
    if (!m)
        throw OperationError(Category::BadInput,
                             "unknown method '" + id + "': 'massho methods' lists them");
    return *m;
}

ErasureOperation::ErasureOperation(records::Store& store, ErasureInput input)
    : store_(store),
      input_(std::move(input)),
      ledger_(store.database(), store.signedRegister(), store.clock()) {}

void ErasureOperation::check() {
    if (erasure_) return;  // checked already; the claim is held
    const erase::Method& method = erasureMethod(input_.methodId);
    requirePurposeAndClass(input_);

    ErasureJobInput request;
    request.devicePath = input_.devicePath;
    request.method = &method;
    request.verify = input_.verify.value_or(method.defaultVerify);
    request.blank = input_.blank;
    request.allowRegularFile = input_.allowRegularFile;
    request.protectedPaths = input_.protectedPaths;
    // massho.conf [devices] stall_seconds: when a device has stopped responding.
    request.stallTimeout = store_.config().stallTimeout;
    request.context.operatorId = input_.operatorId;
    request.context.purpose = input_.purpose;
    request.context.requestId = input_.requestId;
    request.clock = store_.clock();
    ErasureJob erasure(store_.signedRegister(), std::move(request));
    const MediumDescription& medium = erasure.describe();

    // Which ledger row this medium is, decided before anything is written.
    LedgerAdmission admission =
        admitToLedger(ledger_, store_.config().registerUnknownMedia, medium, input_.assetTag,
                      input_.infoClass, records::MediaAct::Erase);
    requireLeaseForReturn(admission, medium, input_.purpose);
    erasure.context().assetTag = admission.tag;
    erasure.context().infoClass = admission.infoClass;
    // Art. 8(4): the approval (when the policy needs one) is claimed before the first write.
    if (auto claim = admitErasure(store_.requests(), store_.config().approvals, erasure.context(),
                                  medium, method.id))
        claim_.emplace(std::move(*claim));
    admission_ = std::move(admission);
    erasure_.emplace(std::move(erasure));
    method_ = &method;
}

Outcome ErasureOperation::run(ProgressSink& progress, const CancelToken& cancel) {
    check();
    if (result_) notYet("run() twice");
    mediumEntry_ = registerAdmitted(ledger_, *admission_, input_.operatorId);
    erasure_->context().mediumEntry = mediumEntry_;
    progress.beginStep("erasing");
    result_ =
        erasure_->run(cancel.flag(), [&progress](const erase::Progress& p) { progress.report(p); });
    settleErasure(claim_, *result_);
    return Outcome{outcomeKind(result_->report.outcome),
                   outcomeMessage(erasure_->medium(), *result_), result_->registerIndex};
}

const erase::Method& ErasureOperation::method() const {
    if (!method_) notYet("method() before check()");
    return *method_;
}

const MediumDescription& ErasureOperation::medium() const {
    if (!erasure_) notYet("medium() before check()");
    return erasure_->medium();
}

const std::string& ErasureOperation::assetTag() const {
    if (!admission_) notYet("assetTag() before check()");
    return admission_->tag;
}

const ErasureJobResult& ErasureOperation::result() const {
    if (!result_) notYet("result() before run()");
    return *result_;
}

}  // namespace massho::operations
