// libFuzzer: what a drive sends back. A counterfeit or failing drive can answer IDENTIFY, the
// NVMe identify and sanitize log pages and SCSI sense with any bytes; the parsers decide from
// them whether a hardware erasure is possible and whether it finished. The first byte chooses
// the parser, the rest is the reply. Contract: a parser returns or throws a base::Error
// (SanitizeError); it never reads out of bounds or crashes.
#include <cstdint>
#include <span>

#include "massho/base/error.h"
#include "massho/erase/sanitize/ata_identify.h"
#include "massho/erase/sanitize/nvme_identify.h"
#include "massho/erase/sanitize/sense.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace massho::erase::sanitize;
    if (size == 0) return 0;
    const std::span<const uint8_t> reply(data + 1, size - 1);
    try {
        switch (data[0] % 6) {
            case 0:
                (void)parseAtaIdentify(reply);
                break;
            case 1:
                (void)parseDcoMaxLba(reply);
                break;
            case 2:
                (void)parseNvmeController(reply);
                break;
            case 3:
                (void)parseNvmeNamespace(reply);
                break;
            case 4:
                (void)parseNvmeSanitizeLog(reply);
                break;
            case 5:
                if (const auto sense = parseSense(reply)) (void)describeSense(*sense);
                break;
        }
    } catch (const massho::base::Error&) {
    }
    return 0;
}
