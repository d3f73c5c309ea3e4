#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "massho/erase/erasure.h"
#include "massho/erase/method.h"
#include "massho/operations/carryout_match.h"
#include "massho/operations/erasure_entry.h"
#include "massho/operations/operation.h"

namespace massho::records {
class Register;
class MediaLedger;
class Store;
}  // namespace massho::records

namespace massho::operations {

struct ErasureJobInput;

struct CarryInInput {
    std::string devicePath;
    std::string condition = "intact";  // what the person receiving it saw (bounded text)
    std::string operatorId;
    // Crypto-erase: destroy every age header (the only wrapped file keys), then overwrite the
    // whole medium with `method` (its own erasure entry, NIST level as the engine reports it).
    bool cryptoErase = false;
    const erase::Method* method = nullptr;  // default: usb-clear
    std::filesystem::path dataDir;
    // The media ledger, when there is one: a medium it knows as carried out (by serial) names its
    // carry-out entry directly instead of a search through the whole register.
    const records::MediaLedger* ledger = nullptr;
    // massho.conf [devices] stall_seconds: the crypto-erase's overwrite ends failed when the
    // medium leaves one write or read unanswered this long (ErasureJobInput::stallTimeout).
    std::chrono::milliseconds stallTimeout = erase::kDefaultStallTimeout;
};

struct CarryInResult {
    uint64_t registerIndex = 0;
    std::optional<uint64_t> carryOutIndex;  // the carry-out this medium came back from
    std::optional<uint64_t> erasureIndex;
    size_t headersDestroyed = 0;
    bool erased = false;
    std::string entry;
};

// "This medium came back" (Art. 13(9)-(10)). check(): matches the latest successful carry-out
// by the device serial, or by the FAT volume serial written at carry-out when the device has none
// (and failing that, the media ledger's medium carried out from the same path, model and size:
// carryout_match.h);
// a medium whose carry-out was already returned is refused (a `carry-in-refused` entry, then
// OperationError). run(): appends one `carry-in` entry. With cryptoErase, the headers are
// destroyed and the medium overwritten first, and the entry says how that ended: a failure is
// the Outcome Failed, an overwrite cancelled through the CancelToken the Outcome Interrupted,
// each naming the `carry-in` entry.
class CarryInOperation : public Operation {
  public:
    // What the person asked (device, condition, crypto-erase, method, operator); the data
    // directory, the media ledger and massho.conf's stall timeout are the store's. `store` must
    // outlive the operation.
    CarryInOperation(records::Store& store, CarryInInput input);
    // Every field as given (tests that script a register without a store).
    CarryInOperation(records::Register& log, CarryInInput input);
    ~CarryInOperation() override;

    std::string_view name() const override { return "carry-in"; }
    void check() override;
    // Steps "destroying headers" and "erasing" (the overwrite), with cryptoErase only.
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // What was recorded (valid after run() appended the `carry-in` entry, whatever the outcome).
    const CarryInResult& result() const { return result_; }

  private:
    struct ErasureJobInput erasureJobInput(const std::string& asset, int infoClass) const;

    records::Register& register_;
    std::unique_ptr<records::MediaLedger> storeLedger_;  // the store's, when made from one
    CarryInInput input_;
    MediumDescription medium_;
    std::string volumeId_;
    std::optional<CarryOutMatch> match_;
    CarryInResult result_;
    bool checked_ = false;
};

}  // namespace massho::operations
