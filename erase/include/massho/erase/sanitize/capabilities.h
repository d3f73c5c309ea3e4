#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "massho/erase/sanitize/ata_identify.h"
#include "massho/erase/sanitize/device_io.h"
#include "massho/erase/sanitize/nvme_identify.h"

namespace massho::erase::sanitize {

// What a drive can do to erase itself, as detected (never assumed from the transport alone).
struct DriveCapabilities {
    std::string interface = "none";  // "ata", "nvme", "scsi" or "none"
    std::string note;                // why nothing was found / what could not be read
    std::optional<AtaIdentity> ata;
    std::optional<uint64_t> nativeMaxLba;  // READ NATIVE MAX ADDRESS EXT
    std::optional<uint64_t> dcoMaxLba;     // DEVICE CONFIGURATION IDENTIFY
    bool hpaPresent = false;               // native max + 1 > the sectors IDENTIFY reports
    bool dcoPresent = false;               // the DCO maximum lies beyond the native max
    std::optional<NvmeController> nvme;
    std::optional<NvmeNamespace> nvmeNamespace;
    bool scsiSanitizeOverwrite = false, scsiSanitizeBlock = false, scsiSanitizeCrypto = false;
    // Catalog ids of the hardware methods the drive supports, in catalog order.
    std::vector<std::string> methods;
    // A state that blocks every method right now ("security frozen: …"), empty when none.
    std::string blocked;
    // Hidden sectors that would survive a sanitize ("HPA hides 2048 sectors"), empty when none.
    std::string hiddenArea;
};

DriveCapabilities probeAta(SgIo& io);
DriveCapabilities probeNvme(NvmeAdmin& nvme);
DriveCapabilities probeScsi(SgIo& io);

// Opens `path` and probes it according to its transport ("nvme" → NVMe Identify; "sata", "ata",
// "scsi", "usb" → ATA IDENTIFY through SG_IO, then SCSI REPORT SUPPORTED OPERATION CODES; anything
// else → interface "none"). Never throws: problems land in `note`.
DriveCapabilities probeDrive(const std::string& path, const std::string& transport);

}  // namespace massho::erase::sanitize
