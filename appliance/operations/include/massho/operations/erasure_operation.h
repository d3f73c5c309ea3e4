#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/erase/method.h"
#include "massho/erase/report.h"
#include "massho/operations/erasure_job.h"
#include "massho/operations/ledger_gate.h"
#include "massho/operations/operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/requests.h"

namespace massho::records {
class Store;
}

namespace massho::operations {

// What the person gave for "erase this medium", before anything is looked up.
struct ErasureInput {
    std::string devicePath;
    std::string methodId;
    std::optional<erase::VerifyMode> verify;  // default: the method's
    bool blank = false;                       // a final pass of zeros
    std::string purpose;                      // reuse | disposal | lease-return
    std::optional<int> infoClass;             // 1..4; default: the media ledger's
    std::optional<std::string> assetTag;      // default: the ledger row with the device's serial
    std::optional<std::string> requestId;     // the approved request this erasure carries out
    std::string operatorId;                   // the signed-in operator
    // Disk images (the demo, where loop devices are unavailable). Never the default.
    bool allowRegularFile = false;
    // Folders whose backing device must never be erased (the data directory).
    std::vector<std::filesystem::path> protectedPaths;
};

// The method `id` names; OperationError(BadInput) naming where the list is otherwise. A shell
// may call it while reading its arguments, before it asks for a password.
const erase::Method& erasureMethod(const std::string& id);

// "Erase this medium", as a person asks for it (massho(1) `erase`, the service, the kiosk).
//   check()  the input, the device (described and guarded, never opened), its media ledger row
//            (ledger_gate.h; a lease return needs a lease there) and the approval (approval_gate.h,
//            Art. 8(4)). An approval that does not fit is refused with an `erasure-refused` entry
//            (a refusal is recorded, Art. 16(3)); one that fits is claimed, and goes back to
//            `approved` without an entry if this operation is destroyed before run().
//   run()    registers the medium when the ledger admission asked for it, begins the step
//            "erasing" (a shell announces the job there: the medium entry is known, no byte is
//            written yet), runs the erasure job (erasure_job.h), and settles the approval:
//            used up when erased, released for a retry otherwise. Ends Done (erased), Failed, or
//            Interrupted (cancelled), naming the `erasure` entry. What is found only when the
//            device is opened (busy, a drive that refuses the command) is still thrown as
//            OperationError, before any byte is written.
class ErasureOperation : public Operation {
  public:
    // `store` must outlive the operation (a claimed approval is settled through it).
    ErasureOperation(records::Store& store, ErasureInput input);

    std::string_view name() const override { return "erase"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // After check(): what was found.
    const erase::Method& method() const;
    const MediumDescription& medium() const;  // its size is the opened device's after run()
    const std::string& assetTag() const;
    // After run(): the `medium-registered` entry when this erasure registered the medium.
    std::optional<uint64_t> mediumEntry() const { return mediumEntry_; }
    // After run(): the engine's report, the `erasure` entry's bytes and index.
    const ErasureJobResult& result() const;

  private:
    records::Store& store_;
    ErasureInput input_;
    records::MediaLedger ledger_;
    const erase::Method* method_ = nullptr;
    std::optional<ErasureJob> erasure_;
    std::optional<LedgerAdmission> admission_;
    std::optional<records::RequestClaim> claim_;
    std::optional<uint64_t> mediumEntry_;
    std::optional<ErasureJobResult> result_;
};

}  // namespace massho::operations
