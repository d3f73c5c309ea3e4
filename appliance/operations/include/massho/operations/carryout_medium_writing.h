#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "massho/image/carryout_package.h"
#include "massho/image/package.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/cancel_token.h"
#include "massho/operations/progress_sink.h"

namespace massho::operations {

// What the carry-out writes on its medium once it is erased.
struct MediumWriting {
    std::string device;
    uint64_t deviceBytes = 0;
    std::string packageName;  // MASSHO-<id>.tar.age
    std::string readme;       // README.txt
    image::PackagePlan plan;
    std::vector<image::X25519Recipient> recipients;
    std::optional<image::SecretBytes> passphrase;  // when no recipient is given
    int scryptLogN = 18;
    // massho.conf [devices] stall_seconds.
    std::chrono::milliseconds stallTimeout{60'000};
};

struct MediumWritten {
    std::string volumeId;                          // once formatted
    std::optional<image::PackageWritten> package;  // written and read back
    std::string cancelledAt;  // "after formatting, …" when cancelled between steps
};

// Formats the medium, writes README.txt and the package and reads it back (image/: steps
// "formatting", "writing", "checking" of `progress`), on a thread of its own under the stall
// watchdog (base::runUnderDeadline): neither the steps moving on (a chunk of the package, a MiB
// read back) nor the medium completing I/O (image::MediumActivity: the tools' writes) for
// `stallTimeout` ends it with OperationError(Failed) "the medium stopped responding while …,
// after N bytes of M: …", its thread left to the kernel (killing the tools it runs, counted by
// base::abandonedThreads()). `progress` and `cancel` are used on this thread only; cancellation
// is honoured between steps (`cancelledAt`). `into` gets the volume serial as soon as it is known,
// so a failure after formatting still records it.
void writeCarryOutMedium(MediumWriting writing, ProgressSink& progress, const CancelToken& cancel,
                         MediumWritten& into);

}  // namespace massho::operations
