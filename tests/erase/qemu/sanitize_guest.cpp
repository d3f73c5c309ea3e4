// Runs inside the QEMU guest of run_qemu_test.sh, against QEMU's emulated NVMe and SATA (AHCI)
// drives, and prints "RESULT key=value" lines the host script checks. Real ioctls, real drives
// (emulated): Identify parsed, nvme-format-user-data erases a drive full of data and the
// verification proves it, nvme-format-crypto refused because FNA says unsupported, SATA IDENTIFY
// through SG_IO.

#include <cstdio>
#include <string>
#include <vector>

#include "massho/erase/method.h"
#include "massho/erase/sanitize/capabilities.h"
#include "massho/erase/sanitize/drive_sanitize.h"
#include "massho/erase/sanitize/hardware_erasure.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "massho/erase/target.h"

namespace sz = massho::erase::sanitize;
using massho::erase::findMethod;

namespace {

void result(const std::string& key, const std::string& value) {
    std::printf("RESULT %s=%s\n", key.c_str(), value.c_str());
    (void)std::fflush(stdout);  // the serial console: nothing to do if it is gone
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
    return out.empty() ? "-" : out;
}

// Fills the whole device with 0xA5 so that an erase that skips anything shows.
bool fill(massho::erase::Target& t) {
    std::vector<uint8_t> raw((1u << 20) + 4096);
    uint8_t* buf = raw.data() + (4096 - reinterpret_cast<uintptr_t>(raw.data()) % 4096) % 4096;
    std::fill_n(buf, 1 << 20, 0xA5);
    for (uint64_t at = 0; at < t.size(); at += 1 << 20) {
        if (t.writeAt(buf, 1 << 20, at) != 1 << 20) return false;
    }
    return t.flush() == 0;
}

void nvme(const std::string& path) {
    const sz::DriveCapabilities caps = sz::probeDrive(path, "nvme");
    result("nvme_interface", caps.interface);
    if (!caps.nvme) {
        result("nvme_note", caps.note);
        return;
    }
    char hex[64];
    std::snprintf(hex, sizeof hex, "%x/%x/%x", caps.nvme->oacs, caps.nvme->fna, caps.nvme->sanicap);
    result("nvme_oacs_fna_sanicap", hex);
    result("nvme_methods", join(caps.methods));
    try {
        sz::requireRunnable(*findMethod("nvme-format-crypto"), caps);
        result("nvme_crypto", "offered");
    } catch (const sz::SanitizeError& e) {
        result("nvme_crypto", std::string("refused: ") + e.what());
    }
    auto target = massho::erase::openTarget(path);
    result("nvme_filled", fill(*target) ? "yes" : "no");
    auto admin = sz::openNvmeAdmin(path);
    sz::HardwareErasureOptions options;
    options.verify = massho::erase::VerifyMode::Full;
    const auto out = sz::runHardwareErasure(*target, *findMethod("nvme-format-user-data"),
                                            {nullptr, admin.get()}, options);
    result("nvme_format_outcome", std::string(massho::erase::toString(out.report.outcome)) + " " +
                                      out.report.failureReason);
    result("nvme_markers", std::to_string(out.evidence.markersChanged) + "/" +
                               std::to_string(out.evidence.markersWritten));
    result("nvme_content", std::to_string(out.evidence.zeroBlocks) + " zero " +
                               std::to_string(out.evidence.otherBlocks) + " other");
    result("nvme_verified_bytes", std::to_string(out.report.bytesVerified));
    result("nvme_size", std::to_string(target->size()));
}

void sata(const std::string& path) {
    try {
        auto io = sz::openSgIo(path);
        const sz::DriveCapabilities caps = sz::probeAta(*io);
        result("sata_model", caps.ata->model);
        result("sata_sectors", std::to_string(caps.ata->userSectors));
        result("sata_security", caps.ata->securitySupported ? "supported" : "unsupported");
        result("sata_methods", join(caps.methods));
        try {
            sz::DriveSanitizeOptions o;
            sz::ataSecurityErase(*io, false, o);
            result("sata_secure_erase", "ran");
        } catch (const sz::SanitizeError& e) {
            result("sata_secure_erase", std::string("refused: ") + e.what());
        }
    } catch (const std::exception& e) {
        result("sata_error", e.what());
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: massho_sanitize_guest NVME_DEVICE SATA_DEVICE\n");
        return 2;
    }
    try {
        nvme(argv[1]);
    } catch (const std::exception& e) {
        result("nvme_error", e.what());
    }
    sata(argv[2]);
    result("done", "yes");
    return 0;
}
