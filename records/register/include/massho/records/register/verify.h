#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/merkle.h"

namespace massho::records {

struct VerifyOptions {
    // Verifier key lines the auditor trusts (their own copy). Empty: the source's own
    // register.vkey is used, and the report says so (that proves integrity, not authenticity).
    std::vector<std::string> trustedVkeys;
    // Checkpoints kept outside the appliance (an earlier audit, a certificate): each must be
    // consistent with the register, which catches truncation, rollback and rewriting.
    struct ExternalCheckpoint {
        std::string label;  // e.g. the file name, used in messages
        std::string note;   // the signed note text
    };
    std::vector<ExternalCheckpoint> extraCheckpoints;
    // Witness keys (tlog-cosignature, type 0x04) and how many of them must have cosigned.
    std::vector<std::string> witnessVkeys;
    size_t requiredWitnesses = 0;
    // false (the default, what an auditor needs): every leaf recomputed, every stored checkpoint
    // compared with the recomputed tree, and the Ed25519 signatures of the latest checkpoint,
    // of the last one of each key and of every cosigned one; the other checkpoints' contents are
    // fixed by the tree the latest signature covers. true: every stored checkpoint's signature
    // too (`--all-signatures`; about 5,700 Ed25519 verifications per second per core here).
    bool allSignatures = false;
    // Threads for leaf hashing, entry checks, roots and signatures (this machine has 2 cores);
    // one more reads the source ahead of them.
    unsigned threads = 2;
    // Entries read and prepared per step (two steps' worth are in memory at a time); the result
    // never depends on it (tests use tiny batches to cross batch boundaries).
    size_t batchEntries = 16384;
    // Called with each entry's exact bytes in index order as it is walked (so a caller can pick
    // out entries without reading the source twice). What it sees is trustworthy only when the
    // returned report is ok.
    std::function<void(uint64_t index, std::string_view entryBytes)> onEntry;
};

// What verification checked, or the first problem found.
struct VerifyReport {
    bool ok = false;
    std::string source;
    std::string sourceKind;  // "database" or "export"
    std::string origin;
    uint64_t entries = 0;
    uint64_t checkpoints = 0;
    uint64_t signaturesChecked = 0;
    bool everySignature = false;       // VerifyOptions::allSignatures
    uint64_t cosignedCheckpoints = 0;  // stored checkpoints with a witness cosignature
    uint64_t extraCheckpoints = 0;
    uint64_t cosignatures = 0;
    uint64_t witnesses = 0;
    // The largest tree size cosigned by at least max(K, 1) trusted witnesses (K: required).
    std::optional<uint64_t> witnessedSize;
    uint64_t requiredWitnesses = 0;
    std::vector<std::string> keyChain;  // vkeys, first key first
    bool usedOwnVkey = false;
    Hash root{};
    std::optional<uint64_t> firstBadIndex;
    std::string problem;

    // The exact text `massho register verify` prints.
    std::string text() const;
};

// Verifies a register database (a massho.db file or a data directory, opened read-only; no key
// needed) or an export folder. Returns a report; throws RecordsError only when the source or an
// option cannot be read at all (missing folder, malformed vkey or checkpoint file).
VerifyReport verifyRegister(const std::filesystem::path& source, const VerifyOptions& options = {});

}  // namespace massho::records
