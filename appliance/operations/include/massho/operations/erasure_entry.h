#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "massho/erase/erasure.h"
#include "massho/erase/method.h"
#include "massho/erase/sanitize/hardware_erasure.h"

namespace massho::operations {

// What the register says about the medium: taken from discovery, never from the operator's typing.
struct MediumDescription {
    std::string path;
    std::string model;
    std::string serial;
    std::string transport;  // usb, sata, nvme, scsi, virtio, loop, mmc, file
    std::string mediaType;  // hdd, ssd, nvme, usb-flash, memory-card, virtual, unknown
    uint64_t sizeBytes = 0;
    uint32_t logicalSector = 0;
};

// Why and for whom the medium is erased (Art. 7 classes, Art. 8(3)/(4), Art. 20(11) purposes).
struct ErasureContext {
    std::string operatorId;
    std::string purpose;  // reuse | disposal | lease-return
    int infoClass = 4;    // 1..4
    std::string assetTag;
    std::optional<std::string> requestId;
    // Filled from the approved request (Art. 8(4)): who asked, who allowed, which entry.
    std::string requester;
    std::string approver;
    std::optional<uint64_t> approvalEntry;
    // The `erasure-started` entry this job appended before its first write (JobJournal).
    std::optional<uint64_t> startedEntry;
    // The `medium-registered` entry when this erasure registered the medium.
    std::optional<uint64_t> mediumEntry;
};

// The "erasure" register entry for a finished (erased, failed or cancelled) job, as canonical JSON
// bytes. The field names are final: certificates and auditors read them.
// `hardware` (drive commands only) adds what was seen: drive_steps, drive_markers,
// drive_content, drive_progress.
std::string erasureEntry(const MediumDescription& medium, const ErasureContext& context,
                         const erase::Method& method, const erase::Report& report,
                         const erase::sanitize::HardwareEvidence* hardware = nullptr);

// The `erasure-started` entry appended before the first write: if the process dies, it is the
// evidence that an erasure began (JobJournal turns it into an `interrupted` erasure entry).
std::string erasureStartedEntry(const MediumDescription& medium, const ErasureContext& context,
                                const erase::Method& method, erase::VerifyMode verify);

// "offset+length" pairs joined by commas, byte units, e.g. "1048576+4096,2097152+512".
std::string formatRanges(const std::vector<erase::ByteRange>& ranges);

}  // namespace massho::operations
