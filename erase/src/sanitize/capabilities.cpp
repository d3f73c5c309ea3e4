#include "massho/erase/sanitize/capabilities.h"

#include <array>

#include "drive_steps.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "massho/erase/sanitize/scsi_command.h"

namespace massho::erase::sanitize {
namespace {

void addIf(std::vector<std::string>& methods, bool supported, const char* id) {
    if (supported) methods.emplace_back(id);
}

// HPA (ACS-3 §4.11) and DCO (ACS-2 §4.9): sectors beyond what IDENTIFY reports survive any
// command that erases "the user data area". Errors leave the fields empty (noted).
void probeHiddenArea(detail::AtaChannel& ata, DriveCapabilities& caps) {
    const AtaIdentity& id = *caps.ata;
    if (id.lba48) {
        try {
            caps.nativeMaxLba =
                ata.run(ataReadNativeMaxAddressExt(), "READ NATIVE MAX ADDRESS EXT").lba;
            caps.hpaPresent = *caps.nativeMaxLba + 1 > id.userSectors;
        } catch (const SanitizeError& e) {
            caps.note += std::string(caps.note.empty() ? "" : "; ") + e.what();
        }
    }
    if (id.dcoSupported) {
        try {
            std::array<uint8_t, 512> dco{};
            ata.run(ataDcoIdentify(), "DEVICE CONFIGURATION IDENTIFY", dco);
            caps.dcoMaxLba = parseDcoMaxLba(dco);
            caps.dcoPresent = caps.nativeMaxLba && *caps.dcoMaxLba > *caps.nativeMaxLba;
        } catch (const SanitizeError& e) {
            caps.note += std::string(caps.note.empty() ? "" : "; ") + e.what();
        }
    }
    if (caps.hpaPresent) {
        caps.hiddenArea = "a Host Protected Area hides " +
                          std::to_string(*caps.nativeMaxLba + 1 - id.userSectors) + " sectors";
    }
    if (caps.dcoPresent) {
        caps.hiddenArea += std::string(caps.hiddenArea.empty() ? "" : "; ") +
                           "a Device Configuration Overlay hides " +
                           std::to_string(*caps.dcoMaxLba - *caps.nativeMaxLba) + " sectors";
    }
}

bool scsiSupports(SgIo& io, uint8_t opcode, int serviceAction) {
    std::array<uint8_t, 64> response{};
    ScsiCommand c;
    c.cdb = scsiReportOpcodeCdb(opcode, serviceAction, response.size());
    c.direction = DataDirection::FromDevice;
    c.data = response;
    return !checkScsiResult(io.execute(c), "REPORT SUPPORTED OPERATION CODES") &&
           scsiOpcodeSupported(response);
}

}  // namespace

DriveCapabilities probeAta(SgIo& io) {
    DriveCapabilities caps;
    DriveSanitizeResult ignored;
    detail::AtaChannel ata(io, ignored);
    auto block = ata.identify();
    caps.ata = parseAtaIdentify(block);
    caps.interface = "ata";
    const AtaIdentity& id = *caps.ata;
    const bool usable = id.securitySupported && !id.securityLocked && !id.securityEnabled;
    addIf(caps.methods, usable, "ata-secure-erase");
    addIf(caps.methods, usable && id.enhancedEraseSupported, "ata-secure-erase-enhanced");
    addIf(caps.methods, id.cryptoScrambleSupported, "ata-sanitize-crypto");
    addIf(caps.methods, id.blockEraseSupported, "ata-sanitize-block");
    addIf(caps.methods, id.overwriteSupported, "ata-sanitize-overwrite");
    if (id.securityFrozen && usable) {
        caps.blocked =
            "security is frozen, so ata-secure-erase is refused: hot-unplug and replug "
            "the drive, or suspend and resume the appliance";
    }
    probeHiddenArea(ata, caps);
    return caps;
}

DriveCapabilities probeNvme(NvmeAdmin& nvme) {
    DriveCapabilities caps;
    DriveSanitizeResult ignored;
    std::array<uint8_t, kNvmeIdentifyBytes> data{};
    detail::runNvmeAdmin(nvme, nvmeIdentifyController(data), "Identify Controller", ignored);
    caps.nvme = parseNvmeController(data);
    caps.interface = "nvme";
    if (const uint32_t nsid = nvme.namespaceId()) {
        detail::runNvmeAdmin(nvme, nvmeIdentifyNamespace(nsid, data), "Identify Namespace",
                             ignored);
        caps.nvmeNamespace = parseNvmeNamespace(data);
    }
    const NvmeController& c = *caps.nvme;
    addIf(caps.methods, c.formatSupported, "nvme-format-user-data");
    addIf(caps.methods, c.formatSupported && c.cryptoEraseSupported, "nvme-format-crypto");
    addIf(caps.methods, c.sanitizeCrypto, "nvme-sanitize-crypto");
    addIf(caps.methods, c.sanitizeBlock, "nvme-sanitize-block");
    addIf(caps.methods, c.sanitizeOverwrite, "nvme-sanitize-overwrite");
    return caps;
}

DriveCapabilities probeScsi(SgIo& io) {
    DriveCapabilities caps;
    caps.scsiSanitizeCrypto = scsiSupports(io, 0x48, 0x03);
    caps.scsiSanitizeBlock = scsiSupports(io, 0x48, 0x02);
    caps.scsiSanitizeOverwrite = scsiSupports(io, 0x48, 0x01);
    caps.interface = "scsi";
    addIf(caps.methods, caps.scsiSanitizeCrypto, "scsi-sanitize-crypto");
    addIf(caps.methods, caps.scsiSanitizeBlock, "scsi-sanitize-block");
    addIf(caps.methods, caps.scsiSanitizeOverwrite, "scsi-sanitize-overwrite");
    return caps;
}

DriveCapabilities probeDrive(const std::string& path, const std::string& transport) {
    DriveCapabilities none;
    try {
        if (transport == "nvme") return probeNvme(*openNvmeAdmin(path));
        if (transport != "sata" && transport != "ata" && transport != "scsi" &&
            transport != "usb") {
            none.note = "no drive commands for transport '" + transport + "'";
            return none;
        }
        auto io = openSgIo(path);
        try {
            return probeAta(*io);
        } catch (const SanitizeError& e) {
            none.note = e.what();
        }
        DriveCapabilities scsi = probeScsi(*io);
        scsi.note = none.note;
        return scsi;
    } catch (const SanitizeError& e) {
        none.note += std::string(none.note.empty() ? "" : "; ") + e.what();
    }
    return none;
}

}  // namespace massho::erase::sanitize
