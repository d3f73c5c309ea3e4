#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "massho/image/x25519_keys.h"
#include "massho/operations/carryout_operation.h"

namespace massho::operations {

// What the in-process carry-out tests of a faulty medium ask (pulled, stalled, returned): `files`
// from the allowed folder `share` onto `device` at class 3 (no approval needed) for the north
// office, by the administrator, to a fresh age recipient; the register's `origin` and data
// directory as the store would give them. The caller adds the asset tag or the stall timeout.
inline CarryOutInput classThreeCarryOut(const std::string& device,
                                        std::vector<std::filesystem::path> files,
                                        const std::filesystem::path& share,
                                        const std::filesystem::path& dataDir,
                                        const std::string& origin) {
    CarryOutInput request;
    request.devicePath = device;
    request.files = std::move(files);
    request.recipients = {image::X25519Identity::generate().recipient()};
    request.infoClass = 3;
    request.destination = "north office";
    request.operatorId = "admin";
    request.origin = origin;
    request.allowedSources = {std::filesystem::canonical(share)};
    request.dataDir = dataDir;
    return request;
}

}  // namespace massho::operations
