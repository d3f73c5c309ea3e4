#include "massho/operations/carryout_operation.h"

#include <openssl/rand.h>

#include <cstdio>

#include "massho/base/information_class.h"
#include "massho/erase/method.h"
#include "massho/image/carryout_error.h"
#include "massho/image/fat_medium.h"
#include "massho/image/readme.h"
#include "massho/operations/carryout_medium_writing.h"
#include "massho/operations/erasure_job.h"
#include "massho/operations/job_journal.h"
#include "massho/operations/source_allow_list.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/register.h"
#include "massho/records/register/text_field.h"

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;
constexpr const char* kEraseMethod = "zero";  // quick: the medium only ever holds ciphertext

std::string newPackageId(const records::Clock& clock) {
    unsigned char r[4];
    if (RAND_bytes(r, sizeof r) != 1)
        throw OperationError(Category::Failed, "no random bytes for the package id");
    const std::string date = records::formatDate(clock());  // YYYY-MM-DD
    char id[32];
    std::snprintf(id, sizeof id, "%s%s%s-%02X%02X%02X%02X", date.substr(0, 4).c_str(),
                  date.substr(5, 2).c_str(), date.substr(8, 2).c_str(), r[0], r[1], r[2], r[3]);
    return id;
}

void checkRequestFields(const CarryOutInput& r) {
    if (!base::isInformationClass(r.infoClass))
        throw OperationError(Category::BadInput, "information class must be 1, 2, 3 or 4 (Art. 7)");
    records::requireText("--destination", r.destination, records::TextKind::Line);
    if (r.requestId) records::requireText("--request", *r.requestId, records::TextKind::Identifier);
    if (r.recipients.empty() && (!r.passphrase || r.passphrase->empty()))
        throw OperationError(Category::BadInput,
                             "give --recipient AGE1… (or a key book name) or --passphrase-stdin");
    if (!r.recipients.empty() && r.passphrase)
        throw OperationError(Category::BadInput,
                             "give either --recipient or --passphrase-stdin, not both (age allows "
                             "a passphrase only alone)");
}

const erase::Method& eraseMethod() {
    const erase::Method* m = erase::findMethod(kEraseMethod);
    if (!m) throw OperationError(Category::Failed, "the erasure catalog has no 'zero' method");
    return *m;
}

// What the store decides for a carry-out (see the constructor taking a Store).
CarryOutInput withStoreSettings(records::Store& store, CarryOutInput input) {
    input.dataDir = store.dir();
    input.allowedSources = loadSourceAllowList(store.dir());
    input.origin = store.origin();
    input.requests = &store.requests();
    input.policy = &store.config().approvals;
    input.clock = store.clock();
    input.registerUnknownMedia = store.config().registerUnknownMedia;
    input.stallTimeout = store.config().stallTimeout;
    return input;
}

ErasureJobInput erasureJobInputFor(const CarryOutInput& r, const std::string& asset) {
    ErasureJobInput e;
    e.devicePath = r.devicePath;
    e.method = &eraseMethod();
    e.verify = erase::VerifyMode::Sample;
    e.protectedPaths.push_back(r.dataDir);
    e.stallTimeout = r.stallTimeout;
    e.context.operatorId = r.operatorId;
    e.context.purpose = "reuse";  // the medium is prepared for new data
    e.context.infoClass = r.infoClass;
    e.context.assetTag = asset;
    e.context.requestId = r.requestId;
    e.context.requester = r.requester;
    e.context.approver = r.approver;
    e.context.approvalEntry = r.approvalEntry;
    return e;
}

// The `carry-out` entry's failure for a carry-out cancelled by a person; like the one JobJournal
// writes for a killed process, it says what the medium holds.
std::string cancelledAt(const std::string& when) {
    return "cancelled " + when + "; the medium holds no usable package: erase it again";
}

// A step is entered when its first report arrives: the erasing step once the erasure has started
// (its `erasure-started` entry is in), the writing step once the first bytes are on their way.
void enterStep(ProgressSink& progress, std::string_view step) {
    if (progress.last().step != step) progress.beginStep(step);
}

}  // namespace

CarryOutOperation::CarryOutOperation(records::Store& store, CarryOutInput input)
    : CarryOutOperation(store.signedRegister(), withStoreSettings(store, std::move(input))) {
    storeLedger_ = std::make_unique<records::MediaLedger>(store.database(), store.signedRegister(),
                                                          store.clock());
    input_.ledger = storeLedger_.get();
}

CarryOutOperation::CarryOutOperation(records::Register& log, CarryOutInput input)
    : register_(log), input_(std::move(input)) {}

CarryOutOperation::~CarryOutOperation() = default;

// Art. 16(3): the refusal is recorded, then thrown with its reason key when it has one.
void CarryOutOperation::refuse(const std::string& reason, const base::Reason* why) {
    register_.append(carryOutRefusedEntry(input_, medium_, reason));
    if (why) throw base::withReason(OperationError(Category::Refused, reason), why->key, why->args);
    throw OperationError(Category::Refused, reason);
}

// Without the approval store nothing that might need one is allowed.
void CarryOutOperation::checkApprovalNeeded() {
    const CarryOutInput& r = input_;
    const bool needsApproval =
        r.policy ? r.policy->required("carryout", r.infoClass) : r.infoClass <= 2;
    if (needsApproval && !r.requestId)
        refuse("carry-out of class " + std::to_string(r.infoClass) +
               " needs a data manager's approval: run 'massho request carryout DEVICE "
               "--class N --asset TAG --destination TEXT', have a data manager run "
               "'massho approve REQ', then add --request REQ and the same --asset");
    if (r.requestId && !r.requests) refuse("request '" + *r.requestId + "' cannot be checked here");
}

// Claims the approved carry-out request (approved, unexpired, unused, same medium, class, asset
// and destination) before the first write; the claim is used up by a written medium only. A
// request that does not fit is refused (recorded, thrown with the claim's reason key); any other
// error (a register that cannot be read) is its own, and records no refusal nobody made.
void CarryOutOperation::claimApproval() {
    CarryOutInput& r = input_;
    if (!r.requestId) return;
    records::RequestDetails details;
    details.kind = records::RequestKind::Carryout;
    details.purpose = "carryout";
    details.infoClass = r.infoClass;
    details.assetTag = r.assetTag;
    details.destination = r.destination;
    details.device = {medium_.path, medium_.model, medium_.serial, medium_.sizeBytes};
    try {
        claim_.emplace(r.requests->claim(*r.requestId, details, r.operatorId));
    } catch (const records::RefusedError& e) {
        refuse(std::string("carry-out refused: ") + e.what(), base::reasonOf(e));
    }
    r.requester = claim_->request().requester;
    r.approver = claim_->request().decidedBy.value_or("");
    r.approvalEntry = claim_->request().decisionEntry;
}

// The medium's ledger row (registered in run() if new and the policy allows it): its tag is the
// asset the entries name. A carry-out's class is that of the data it carries (ledger_gate.h).
void CarryOutOperation::admitToLedger() {
    if (!input_.ledger) return;
    admission_ =
        operations::admitToLedger(*input_.ledger, input_.registerUnknownMedia, medium_, givenAsset_,
                                  input_.infoClass, records::MediaAct::CarryOut);
    input_.assetTag = admission_->tag;
}

std::string CarryOutOperation::now() const {
    return records::formatRfc3339(input_.clock());
}

void CarryOutOperation::check() {
    if (checked_) return;
    checkRequestFields(input_);
    checkSourcesAllowed(input_.files, input_.allowedSources, input_.dataDir);
    try {
        plan_ = image::planPackage(input_.files);
    } catch (const image::CarryOutError& e) {
        throw OperationError(Category::BadInput, e.what());
    }
    packageId_ = newPackageId(input_.clock);
    if (!input_.assetTag.empty()) givenAsset_ = input_.assetTag;
    if (input_.assetTag.empty()) input_.assetTag = "carry-out " + packageId_;
    ErasureJob probe(register_, erasureJobInputFor(input_, input_.assetTag));
    medium_ = probe.describe();
    const uint64_t needed =
        image::ageSizeUpperBound(plan_.tarBytesUpperBound, input_.recipients.size()) + 16384;
    const uint64_t usable = image::usableBytes(medium_.sizeBytes);
    if (needed > usable)
        throw OperationError(Category::BadInput,
                             "medium too small: the package needs up to " + std::to_string(needed) +
                                 " bytes, " + medium_.path + " holds " + std::to_string(usable) +
                                 " after formatting; use a larger one");
    // The package is one file, and FAT32 ends a file at 4 GiB − 1 byte (mcopy stops there, says
    // "Short write" and still exits 0): a larger package could only fail once the medium had been
    // erased and formatted. Refused here, before the medium is touched.
    const uint64_t maxFile = image::maxFileBytes(medium_.path, medium_.sizeBytes);
    if (needed > maxFile)
        throw OperationError(Category::BadInput,
                             "package too large for one file on FAT32: it needs up to " +
                                 std::to_string(needed) + " bytes, FAT32 holds at most " +
                                 std::to_string(maxFile) +
                                 " in a file; carry the files out in parts of under 4 GiB"
                                 " (or on a medium over 32 GiB: exFAT, when exfatprogs is"
                                 " installed and the medium has 512-byte sectors)");
    checkApprovalNeeded();
    admitToLedger();
    claimApproval();
    checked_ = true;
}

Outcome CarryOutOperation::run(ProgressSink& progress, const CancelToken& cancel) {
    check();
    progress.setSteps({{"erasing", 8}, {"formatting", 1}, {"writing", 3}, {"checking", 1}});
    // Nothing has happened to the medium yet: nothing to record, the approval free again.
    if (cancel.requested()) {
        claim_.reset();
        return {OutcomeKind::Interrupted,
                "carry-out cancelled before it started: nothing was written or recorded",
                {}};
    }
    if (admission_) registerAdmitted(*input_.ledger, *admission_, input_.operatorId);
    Outcome outcome = write(progress, cancel);
    if (claim_) {
        // A carry-out that failed or was cancelled releases the approval for a retry, citing
        // the `carry-out` entry that records how it ended.
        if (outcome.done())
            claim_->complete(*outcome.registerIndex);
        else
            claim_->release(*outcome.registerIndex, outcome.kind == OutcomeKind::Interrupted
                                                        ? "carry-out cancelled"
                                                        : "carry-out failed");
        claim_.reset();
    }
    return outcome;
}

// Art. 16(3): a carry-out that started is recorded whatever happens after. The started entry
// goes in before the medium is first written; then exactly one `carry-out` entry closes it —
// written, failed naming the reason, or interrupted when cancelled; a killed process is recorded
// as interrupted by the next job (JobJournal).
Outcome CarryOutOperation::write(ProgressSink& progress, const CancelToken& cancel) {
    CarryOutRecord record;
    record.started = now();
    record.packageName = "MASSHO-" + packageId_ + ".tar.age";
    JobJournal journal(register_);
    journal.reconcile();  // jobs killed earlier get their `interrupted` entries first
    record.startedEntry =
        journal.begin(carryOutStartedEntry(input_, medium_, plan_, record), medium_.path);
    std::optional<image::PackageWritten> written;
    std::optional<Category> failedAs;
    std::string failure;
    try {
        written = eraseAndWrite(record, progress, cancel);
    } catch (const OperationError& e) {
        failedAs = e.category();
        failure = e.what();
    } catch (const std::exception& e) {
        failedAs = Category::Failed;
        failure = e.what();
    }
    if (failedAs) {
        const uint64_t index = close(journal, record, "failed", failure);
        return {*failedAs == Category::Refused ? OutcomeKind::Refused : OutcomeKind::Failed,
                "carry-out FAILED: " + failure + "; recorded as register entry " +
                    std::to_string(index) + " — the medium holds no usable package, erase it again",
                index};
    }
    if (!written) {
        const uint64_t index = close(journal, record, "interrupted", record.failure);
        return {OutcomeKind::Interrupted,
                "carry-out " + record.failure + " (register entry " + std::to_string(index) + ")",
                index};
    }
    record.result = "written";
    record.package = *written;
    record.ended = now();
    result_.package = *written;
    result_.entry = carryOutEntry(input_, medium_, plan_, record);
    result_.registerIndex = journal.finish(*record.startedEntry, result_.entry);
    result_.erasureIndex = record.erasureIndex;
    result_.packageId = packageId_;
    result_.fileCount = plan_.fileCount;
    result_.totalBytes = plan_.totalBytes;
    return {OutcomeKind::Done, "wrote " + written->name, result_.registerIndex};
}

// Erase (its own erasure entry), format, write README.txt and the package, read it back.
std::optional<image::PackageWritten> CarryOutOperation::eraseAndWrite(CarryOutRecord& record,
                                                                      ProgressSink& progress,
                                                                      const CancelToken& cancel) {
    if (cancel.requested()) {
        record.failure = cancelledAt("before the erasure");
        return std::nullopt;
    }
    ErasureJob erasure(register_, erasureJobInputFor(input_, input_.assetTag));
    auto erased = erasure.run(cancel.flag(), [&](const erase::Progress& p) {
        enterStep(progress, "erasing");
        progress.report(p);
    });
    record.erasureIndex = erased.registerIndex;
    if (erased.report.outcome == erase::Outcome::Cancelled) {
        record.failure = cancelledAt("during the erasure");
        return std::nullopt;
    }
    if (erased.report.outcome != erase::Outcome::Erased)
        throw OperationError(Category::Failed, "erasing the medium first failed (" +
                                                   erased.report.failureReason + ")");
    medium_ = erasure.medium();
    if (cancel.requested()) {
        record.failure = cancelledAt("after the erasure, before formatting");
        return std::nullopt;
    }

    // Formatting, writing and reading back run under the stall watchdog too: a medium that stops
    // answering there ends the carry-out failed instead of hanging it.
    image::ReadmeInfo readme{record.packageName, input_.destination, input_.origin,
                             input_.recipients.empty(), now().substr(0, 10)};
    MediumWriting writing{medium_.path,
                          medium_.sizeBytes,
                          record.packageName,
                          image::carryOutReadme(readme),
                          plan_,
                          input_.recipients,
                          std::nullopt,
                          input_.scryptLogN,
                          input_.stallTimeout};
    if (input_.passphrase) writing.passphrase.emplace(input_.passphrase->span());
    MediumWritten written;
    try {
        writeCarryOutMedium(std::move(writing), progress, cancel, written);
    } catch (...) {
        record.volumeId = written.volumeId;
        throw;
    }
    record.volumeId = written.volumeId;
    if (!written.package) record.failure = cancelledAt(written.cancelledAt);
    return written.package;
}

// Closes the started entry with the `carry-out` entry saying how it ended (Art. 16(3): failures
// and interruptions are recorded too); returns its index.
uint64_t CarryOutOperation::close(JobJournal& journal, const CarryOutRecord& started,
                                  const std::string& result, const std::string& failure) {
    CarryOutRecord record;
    record.result = result;
    record.failure = failure;
    record.erasureIndex = started.erasureIndex;
    record.volumeId = started.volumeId;
    record.packageName = started.packageName;
    record.started = started.started;
    record.ended = now();
    record.startedEntry = started.startedEntry;
    return journal.finish(*started.startedEntry, carryOutEntry(input_, medium_, plan_, record));
}

}  // namespace massho::operations
