#include "massho/erase/method_advice.h"

#include <algorithm>

namespace massho::erase {
namespace {

// Preference per media type; the last entry is an overwrite that needs no drive support.
std::vector<const char*> preference(MediaType type) {
    switch (type) {
        case MediaType::Nvme:
            return {"nvme-sanitize-crypto", "nvme-sanitize-block", "nvme-format-crypto",
                    "nvme-format-user-data", "random"};
        case MediaType::Ssd:
            return {"ata-sanitize-crypto", "ata-sanitize-block",        "scsi-sanitize-crypto",
                    "scsi-sanitize-block", "ata-secure-erase-enhanced", "random"};
        case MediaType::Hdd:
            return {"ata-sanitize-overwrite", "scsi-sanitize-overwrite",   "ata-sanitize-crypto",
                    "scsi-sanitize-crypto",   "ata-secure-erase-enhanced", "zero"};
        case MediaType::UsbFlash:
        case MediaType::MemoryCard:
            return {"usb-clear"};
        case MediaType::Virtual:
        case MediaType::Unknown:
            break;
    }
    return {"zero"};
}

std::string adviceFor(MediaType type, const Method& m, NistLevel level) {
    if (!nistPurgeExists(type))
        return "no Purge technique exists for this medium (NIST SP 800-88 Rev. 1 Appendix A): "
               "Clear with " +
               m.id + ", and destroy the medium where Purge is required";
    if (level == NistLevel::Purge) return "the drive's own command reaches Purge: " + m.id;
    return "the drive offers no Purge command here: " + m.id +
           " reaches Clear only; destroy the medium where Purge is required";
}

}  // namespace

MethodAdvice adviseMethod(MediaType type, const std::vector<std::string>& driveMethods) {
    for (const char* id : preference(type)) {
        const Method* m = findMethod(id);
        if (!m) continue;
        const bool offered = !m->hardware || std::find(driveMethods.begin(), driveMethods.end(),
                                                       id) != driveMethods.end();
        if (!offered) continue;
        const NistLevel level = m->nistLevel(type);
        return MethodAdvice{m, level, adviceFor(type, *m, level)};
    }
    const Method* zero = findMethod("zero");
    return MethodAdvice{zero, zero->nistLevel(type), adviceFor(type, *zero, NistLevel::Clear)};
}

}  // namespace massho::erase
