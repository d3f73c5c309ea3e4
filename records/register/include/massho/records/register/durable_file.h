#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace massho::records {

// A small file of the data directory written so that a power failure leaves either the old file
// or the whole new one, never an empty or partial one: written to FILE.partial, fsynced, renamed
// over FILE, and the folder fsynced (the rename is durable only then). Created with `mode`. Throws
// std::runtime_error naming the file and the reason.
void writeFileDurably(const std::filesystem::path& file, std::string_view text, mode_t mode = 0644);

// fsyncs a folder, so that files created, renamed or removed in it survive a power failure.
// Throws std::runtime_error.
void syncFolder(const std::filesystem::path& dir);

}  // namespace massho::records
