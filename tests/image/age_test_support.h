#pragma once

// Helpers shared by the image tests: reading vector files, zlib, hashing, running decrypt and
// naming the failure class the way the CCTV vectors do.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "massho/image/age.h"

namespace massho::image::test {

std::filesystem::path vectorsDir();  // MASSHO_TESTVECTORS_DIR

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& bytes);
std::string inflateZlib(const std::string& compressed);
std::string sha256Hex(const std::string& bytes);
std::string toHex(std::span<const uint8_t> bytes);
std::vector<uint8_t> fromHex(const std::string& hex);
std::string randomText(size_t size);

// "success", "header failure", "HMAC failure", "payload failure", "no match", "armor failure",
// or "other: <message>"; `plaintext` receives whatever was released before any failure.
std::string decryptOutcome(const std::string& ciphertext, const DecryptionKeys& keys,
                           std::string& plaintext);

}  // namespace massho::image::test
