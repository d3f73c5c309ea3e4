#pragma once

#include <string>
#include <vector>

#include "massho/erase/media.h"
#include "massho/erase/method.h"

namespace massho::erase {

// The method the catalog recommends for a medium, given the drive commands it supports (catalog
// ids from sanitize::DriveCapabilities::methods), with the level it reaches and why.
struct MethodAdvice {
    const Method* method = nullptr;
    NistLevel level = NistLevel::None;
    std::string advice;  // one line, e.g. "no Purge exists for USB flash: destroy the medium …"
};

// NIST SP 800-88 Rev. 1 Appendix A per media type: the strongest supported drive
// command first, an overwrite (Clear) as the fallback that always exists.
MethodAdvice adviseMethod(MediaType type, const std::vector<std::string>& driveMethods);

}  // namespace massho::erase
