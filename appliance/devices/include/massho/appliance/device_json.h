#pragma once

#include <string>
#include <vector>

#include "massho/appliance/block_device.h"

namespace massho::appliance {

// One JSON object with the keys of `massho devices --json` in massho(1): path, model, serial,
// size_bytes, logical_sector, transport, rotational, removable, readonly, system, mounted,
// eligible, reason, partitions[] — plus name, dev, vendor, physical_sector, media_type, held,
// whole_disk, partition_table, fs_type, backing_file. Strings are valid JSON even for non-UTF-8
// input.
std::string toJson(const BlockDevice& device);

// A JSON array of toJson objects (`massho devices --json`).
std::string toJson(const std::vector<BlockDevice>& devices);

}  // namespace massho::appliance
