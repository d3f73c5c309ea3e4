#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/merkle.h"
#include "massho/records/register/note.h"
#include "massho/records/register/signing_key.h"

namespace massho::records {

// c2sp.org/tlog-proof@v1: "c2sp.org/tlog-proof@v1\n", optional "extra <base64>\n",
// "index <i>\n", one base64 hash per line, a blank line, then the checkpoint note verbatim.
struct TlogProof {
    std::optional<std::string> extra;
    uint64_t index = 0;
    std::vector<Hash> hashes;
    std::string checkpointNote;

    std::string text() const;
    static TlogProof parse(std::string_view text);  // throws NoteFormatError
};

// What an offline check of one entry established.
struct EntryProofResult {
    Checkpoint checkpoint;
    std::string keyName;
};

// Checks that `entryBytes` is leaf `proof.index` of the checkpoint in the proof, and that the
// checkpoint is signed by one of `vkeys`. Throws RecordsError naming what failed.
EntryProofResult verifyEntryProof(std::string_view entryBytes, std::string_view proofText,
                                  const std::vector<VerifierKey>& vkeys);

}  // namespace massho::records
