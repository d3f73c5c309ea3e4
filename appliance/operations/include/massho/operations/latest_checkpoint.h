#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

// The register's latest signed checkpoint and the witnesses' cosignatures, as an auditor reads
// them beside a verification: what size the signed tree has, its root hash, when its last entry
// was recorded, and which witnesses cosigned which sizes and when (tlog-cosignature/v1 carries
// the witness's time).
struct CheckpointView {
    uint64_t size = 0;
    std::string rootBase64;
    std::string time;  // RFC 3339 UTC: the time of entry size-1, when the checkpoint was signed
    std::string note;  // the signed note, exactly as stored
    struct Cosignature {
        uint64_t size = 0;
        std::string witness;  // the witness's key name
        std::string time;     // RFC 3339 UTC, from the cosignature ("" when unreadable)
    };
    std::vector<Cosignature> cosignatures;  // newest first, at most kMaxCosignaturesShown
};

inline constexpr size_t kMaxCosignaturesShown = 20;

// Reading records nothing; an auditor's or a records officer's look (NotAuthorizedError for
// anyone else).
CheckpointView latestCheckpoint(records::Store& store, const records::User& person);

}  // namespace massho::operations
