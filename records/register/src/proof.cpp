#include "massho/records/register/proof.h"

#include <charconv>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

constexpr std::string_view kHeader = "c2sp.org/tlog-proof@v1\n";
constexpr size_t kMaxProofHashes = 64;

[[noreturn]] void fail(const std::string& what) {
    throw NoteFormatError("proof is not c2sp.org/tlog-proof@v1: " + what);
}

std::string_view takeLine(std::string_view& rest) {
    size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) fail("a line does not end in a newline");
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol + 1);
    return line;
}

}  // namespace

std::string TlogProof::text() const {
    std::string out(kHeader);
    if (extra) out += "extra " + base::base64::encode(*extra) + "\n";
    out += "index " + std::to_string(index) + "\n";
    for (const Hash& h : hashes) out += base::base64::encode(hashView(h)) + "\n";
    out += "\n" + checkpointNote;
    return out;
}

TlogProof TlogProof::parse(std::string_view text) {
    if (!text.starts_with(kHeader)) fail("it does not start with c2sp.org/tlog-proof@v1");
    std::string_view rest = text.substr(kHeader.size());
    TlogProof proof;
    std::string_view line = takeLine(rest);
    if (line.starts_with("extra ")) {
        auto extra = base::base64::decode(line.substr(6));
        if (!extra) fail("the extra line is not base64");
        proof.extra = *extra;
        line = takeLine(rest);
    }
    if (!line.starts_with("index ")) fail("no index line");
    std::string_view digits = line.substr(6);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), proof.index);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
        (digits.size() > 1 && digits[0] == '0'))
        fail("the index is not a decimal number");
    while (!(line = takeLine(rest)).empty()) {
        auto h = base::base64::decode(line);
        if (!h || h->size() != 32) fail("a proof hash is not a base64 SHA-256 hash");
        if (proof.hashes.size() == kMaxProofHashes) fail("more than 64 proof hashes");
        proof.hashes.push_back(hashFromBytes(*h));
    }
    proof.checkpointNote = std::string(rest);
    return proof;
}

EntryProofResult verifyEntryProof(std::string_view entryBytes, std::string_view proofText,
                                  const std::vector<VerifierKey>& vkeys) {
    TlogProof proof = TlogProof::parse(proofText);
    SignedNote note = parseNote(proof.checkpointNote);
    const VerifierKey* signer = nullptr;
    for (const auto& key : vkeys)
        if (note.signedBy(key)) signer = &key;
    if (!signer)
        throw RecordsError(
            "the proof's checkpoint is not signed by any trusted key: check the --vkey file");
    Checkpoint checkpoint = Checkpoint::parse(note.body);
    if (checkpoint.origin != signer->name())
        throw RecordsError("the proof's checkpoint origin \"" + checkpoint.origin +
                           "\" differs from the key name \"" + signer->name() + "\"");
    if (!verifyInclusion(proof.index, checkpoint.size, leafHash(entryBytes), proof.hashes,
                         checkpoint.root))
        throw RecordsError("entry " + std::to_string(proof.index) +
                           " is not in the signed tree of size " + std::to_string(checkpoint.size) +
                           ": the entry or its proof was altered");
    return {checkpoint, signer->name()};
}

}  // namespace massho::records
