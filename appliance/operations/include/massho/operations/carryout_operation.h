#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "massho/base/reason.h"
#include "massho/erase/erasure.h"
#include "massho/image/carryout_package.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/erasure_entry.h"
#include "massho/operations/ledger_gate.h"
#include "massho/operations/operation.h"
#include "massho/records/people/approval_policy.h"
#include "massho/records/people/requests.h"
#include "massho/records/register/clock.h"

namespace massho::records {
class Register;
class MediaLedger;
class Store;
}  // namespace massho::records

namespace massho::operations {

class JobJournal;
struct CarryOutRecord;

struct CarryOutInput {
    std::string devicePath;
    std::vector<std::filesystem::path> files;
    std::vector<image::X25519Recipient> recipients;  // preferred
    std::optional<image::SecretBytes> passphrase;    // when no recipient is given
    int scryptLogN = 18;
    int infoClass = 4;
    std::string destination;
    std::optional<std::string> requestId;
    // Art. 8(7): the approval store and the policy table deciding which classes need one.
    records::Requests* requests = nullptr;
    const records::ApprovalPolicy* policy = nullptr;
    // Filled from the claimed request: who asked and who allowed it.
    std::string requester;
    std::string approver;
    std::optional<uint64_t> approvalEntry;
    std::string operatorId;
    // The medium's tag in the entries: --asset as given, or empty for the media ledger's row
    // (without a ledger: "carry-out <package id>").
    std::string assetTag;
    // The media ledger: check() finds the medium's row (ledger_gate.h) and run() registers an
    // unknown medium first when registerUnknownMedia (massho.conf) allows it. None: no ledger.
    records::MediaLedger* ledger = nullptr;
    bool registerUnknownMedia = false;
    // massho.conf [devices] stall_seconds: the medium's erasure ends failed when the medium leaves
    // one write or read unanswered this long (ErasureJobInput::stallTimeout), and the steps after
    // it when they and the medium do not move for this long (carryout_medium_writing.h).
    std::chrono::milliseconds stallTimeout = erase::kDefaultStallTimeout;
    std::string origin;  // the register's origin, printed in the README
    std::vector<std::filesystem::path> allowedSources;
    std::filesystem::path dataDir;  // for messages and the system-disk guard
    // The register's clock (Store::clock()): the started and ended times and the package date.
    records::Clock clock = records::systemClock();
};

struct CarryOutResult {
    uint64_t registerIndex = 0;
    uint64_t erasureIndex = 0;
    std::string packageId;
    image::PackageWritten package;
    uint64_t fileCount = 0;
    uint64_t totalBytes = 0;
    std::string entry;
};

// "Carry these files out on this medium" (Art. 8(7), 13(9)-(10)). check(): the request (class
// 1–2 needs an approval, files inside the allowed folders, the medium large enough and safe to
// erase) and the medium's media ledger row. run(): claim the approval, erase the medium (zero,
// sampled verification, its own erasure entry), give it a fresh MBR + FAT32, write README.txt and
// MASSHO-<id>.tar.age, read the package back. Before the erasure a `carry-out-started` entry is
// appended; one `carry-out` entry closes it: result "written" (Done), "failed" with the reason
// (Failed), "interrupted" when cancelled (Interrupted), or — the process killed — "interrupted",
// recorded by the next job (JobJournal). Bad input is thrown by check() and records nothing; a
// refusal (no approval, or one that does not match) appends a `carry-out-refused` entry
// (Art. 16(3)) and is thrown by check(), with the reason key the claim gave (base/reason.h).
class CarryOutOperation : public Operation {
  public:
    // What the person asked (files, recipients, class, destination, request, asset, operator);
    // the rest is the store's to decide, never a shell's: massho.conf's approval policy, stall
    // timeout and unknown-media rule, the allowed source folders, the register's origin and
    // clock, the media ledger. `store` must outlive the operation.
    CarryOutOperation(records::Store& store, CarryOutInput input);
    // Every field as given (tests that script a register without a store).
    CarryOutOperation(records::Register& log, CarryOutInput input);
    ~CarryOutOperation() override;

    std::string_view name() const override { return "carry-out"; }
    // Everything that can be decided without writing; throws OperationError (or the records
    // library's error, e.g. RefusedError from the media ledger).
    void check() override;
    // Steps "erasing", "formatting", "writing", "checking" (the package read back).
    // Cancellation is honoured before the first write, during the erasure and between steps.
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // The medium as checked (valid after check()).
    const MediumDescription& medium() const { return medium_; }
    // What was written (valid after run() ended Done).
    const CarryOutResult& result() const { return result_; }

  private:
    // Erase, format, write and record; run() settles the approval claim by how it ended.
    Outcome write(ProgressSink& progress, const CancelToken& cancel);
    // The package written, or nothing when cancelled (record.failure then says where).
    std::optional<image::PackageWritten> eraseAndWrite(CarryOutRecord& record,
                                                       ProgressSink& progress,
                                                       const CancelToken& cancel);
    // Art. 8(7): class 1-2 (as the policy says) leave only with an approved request.
    void checkApprovalNeeded();
    void admitToLedger();
    // Art. 8(7): the approved request claimed before the first write, held until run() ends.
    void claimApproval();
    [[noreturn]] void refuse(const std::string& reason, const base::Reason* why = nullptr);
    uint64_t close(JobJournal& journal, const CarryOutRecord& started, const std::string& result,
                   const std::string& failure);
    std::string now() const;

    records::Register& register_;
    std::unique_ptr<records::MediaLedger> storeLedger_;  // the store's, when made from one
    CarryOutInput input_;
    MediumDescription medium_;
    image::PackagePlan plan_;
    std::string packageId_;
    std::optional<std::string> givenAsset_;  // --asset, for the ledger
    std::optional<LedgerAdmission> admission_;
    std::optional<records::RequestClaim> claim_;
    CarryOutResult result_;
    bool checked_ = false;
};

// The `carry-out` entry's fields, in one place for the auditors (result "written", "failed" or
// "interrupted").
struct CarryOutRecord {
    std::string result;
    std::string failure;
    uint64_t erasureIndex = 0;
    std::string packageName;
    std::string volumeId;
    image::PackageWritten package;
    std::string started, ended;
    std::optional<uint64_t> startedEntry;  // the `carry-out-started` entry it closes
};
std::string carryOutEntry(const CarryOutInput& input, const MediumDescription& medium,
                          const image::PackagePlan& plan, const CarryOutRecord& record);
// `carry-out-started`: the request's fields, the package name and the start time.
std::string carryOutStartedEntry(const CarryOutInput& input, const MediumDescription& medium,
                                 const image::PackagePlan& plan, const CarryOutRecord& record);
// `carry-out-refused`: who, which request, class, destination, medium, and why.
std::string carryOutRefusedEntry(const CarryOutInput& input, const MediumDescription& medium,
                                 const std::string& reason);

}  // namespace massho::operations
