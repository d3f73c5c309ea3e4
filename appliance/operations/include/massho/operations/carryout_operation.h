#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "massho/image/carryout_package.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/erasure_entry.h"
#include "massho/records/people/approval_policy.h"
#include "massho/records/people/requests.h"

namespace massho::records {
class Register;
}

namespace massho::operations {

class JobJournal;
struct CarryOutRecord;

struct CarryOutRequest {
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
    std::string assetTag;  // the medium's tag in the erasure entry (defaults to the package id)
    std::string origin;    // the register's origin, printed in the README
    std::vector<std::filesystem::path> allowedSources;
    std::filesystem::path dataDir;  // for messages and the system-disk guard
};

struct CarryOutProgress {
    std::string stage;  // "erasing", "formatting", "writing", "checking"
    uint64_t done = 0;
    uint64_t total = 0;
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

// "Carry these files out on this medium" (Art. 8(7), 13(9)-(10)): check the request (class 1–2
// needs an approval, files inside the allowed folders, the medium large enough and safe to
// erase), erase the medium (zero, sampled verification, its own erasure entry), give it a fresh
// MBR + FAT32, write README.txt and MASSHO-<id>.tar.age, read the package back. Before the
// erasure a `carry-out-started` entry is appended; one `carry-out` entry closes it: result
// "written", or "failed" with the reason (then OperationError), or — the process killed —
// "interrupted", recorded by the next job (JobJournal). Bad input is thrown before the medium is
// touched and records nothing; a refusal (no approval, or one that does not match) is thrown
// before it too, after appending a `carry-out-refused` entry (Art. 16(3)).
class CarryOutOperation {
  public:
    CarryOutOperation(records::Register& log, CarryOutRequest request);

    // Everything that can be checked without writing; throws OperationError.
    const MediumDescription& check();
    // The medium's asset tag once the media ledger has said which row the checked device is.
    void setAssetTag(std::string tag) { request_.assetTag = std::move(tag); }
    CarryOutResult run(const std::function<void(const CarryOutProgress&)>& onProgress);

  private:
    // Erase, format, write and record; run() wraps it with the approval claim.
    CarryOutResult write(const std::function<void(const CarryOutProgress&)>& onProgress);
    image::PackageWritten eraseAndWrite(
        CarryOutRecord& record, const std::function<void(const CarryOutProgress&)>& onProgress);
    // Art. 8(7): class 1-2 (as the policy says) leave only with an approved request.
    void checkApprovalNeeded();
    std::optional<records::RequestClaim> claimApproval();
    [[noreturn]] void refuse(const std::string& reason);
    std::string failEntry(JobJournal& journal, const CarryOutRecord& started,
                          const std::string& reason);

    records::Register& log_;
    CarryOutRequest request_;
    MediumDescription medium_;
    image::PackagePlan plan_;
    std::string packageId_;
    bool checked_ = false;
};

// The `carry-out` entry's fields, in one place for the auditors (result "written" or "failed").
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
std::string carryOutEntry(const CarryOutRequest& request, const MediumDescription& medium,
                          const image::PackagePlan& plan, const CarryOutRecord& record);
// `carry-out-started`: the request's fields, the package name and the start time.
std::string carryOutStartedEntry(const CarryOutRequest& request, const MediumDescription& medium,
                                 const image::PackagePlan& plan, const CarryOutRecord& record);
// `carry-out-refused`: who, which request, class, destination, medium, and why.
std::string carryOutRefusedEntry(const CarryOutRequest& request, const MediumDescription& medium,
                                 const std::string& reason);

}  // namespace massho::operations
