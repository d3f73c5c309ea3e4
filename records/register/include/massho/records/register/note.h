#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/merkle.h"
#include "massho/records/register/signing_key.h"

namespace massho::records {

// C2SP signed-note v1: body lines ending in "\n", a blank line, then signature lines
// "— <key name> <base64(4-byte key ID ‖ signature)>\n" (U+2014 EM DASH, then a space).
struct NoteSignature {
    std::string keyName;
    std::string keyId;    // 4 bytes
    std::string payload;  // the bytes after the key ID
};

struct SignedNote {
    std::string body;
    std::vector<NoteSignature> signatures;

    std::string text() const;
    // The signature by `key` if present and valid (name, ID and Ed25519 check). For type-0x04
    // keys the payload is a tlog-cosignature (timestamp ‖ signature), checked accordingly.
    bool signedBy(const VerifierKey& key) const;
    // True if any signature line carries this key's name and ID (valid or not).
    bool hasSignatureLineFor(const VerifierKey& key) const;
};

// Strict parser; throws NoteFormatError saying what is wrong.
SignedNote parseNote(std::string_view text);
// True when parseNote(text) would succeed with exactly `body` as the body (a body ends in "\n"),
// without building the note: how verification checks the checkpoints whose signature it skips.
bool isNoteWithBody(std::string_view text, std::string_view body);
std::string signatureLine(std::string_view keyName, std::string_view keyIdAndPayload);
// Signs `body` with an Ed25519 note key (type 0x01) and returns the complete note text.
std::string signNote(std::string_view body, const SigningKey& key);
// Adds one more signature line to a note's text.
std::string addSignatureLine(std::string_view noteText, std::string_view line);

// C2SP tlog-checkpoint v1.0.0 body: origin, tree size, base64 root hash (extension lines kept).
struct Checkpoint {
    std::string origin;
    uint64_t size = 0;
    Hash root{};
    std::vector<std::string> extensions;

    std::string body() const;
    static Checkpoint parse(std::string_view body);  // throws NoteFormatError
};

// C2SP tlog-cosignature v1: a witness's type-0x04 Ed25519 key signs
// "cosignature/v1\ntime <t>\n" ‖ checkpoint body; the line payload is time (8 bytes BE) ‖ sig.
std::string cosignatureLine(std::string_view checkpointBody, const SigningKey& witnessKey,
                            uint64_t unixTime);
// The timestamp of a valid cosignature by `witnessKey` on the note, or nullopt.
std::optional<uint64_t> verifyCosignature(const SignedNote& note, const VerifierKey& witnessKey);

}  // namespace massho::records
