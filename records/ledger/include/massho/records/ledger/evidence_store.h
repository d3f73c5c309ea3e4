#pragma once

#include <filesystem>
#include <string>

namespace massho::records {

// Evidence files (photos of a destruction) kept by content: DIR/evidence/<sha256>, mode
// 0600. The register entry records only the SHA-256, so the photo proves itself: anyone can hash
// the file and find the entry. At most 32 MiB per file; a second copy of the same photo is a
// no-op. Throws UserError for a missing, unreadable or oversized file.
class EvidenceStore {
  public:
    static constexpr uintmax_t kMaxBytes = 32u << 20;

    explicit EvidenceStore(const std::filesystem::path& dataDir);

    // Copies the file in and returns its SHA-256 (64 lower-case hex digits).
    std::string add(const std::filesystem::path& file) const;
    std::filesystem::path pathFor(const std::string& sha256) const;

  private:
    std::filesystem::path dir_;
};

}  // namespace massho::records
