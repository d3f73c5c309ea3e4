#include "massho/records/register/witness.h"

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <vector>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/note.h"
#include "schema.h"

namespace massho::records {
namespace fs = std::filesystem;
namespace {

// One base64 hash line of a Merkle proof (at most 64: a tree of under 2^64 leaves). False for a
// line that is not one.
bool appendProofHash(std::vector<Hash>& proof, std::string_view line) {
    auto h = base::base64::decode(line);
    if (!h || h->size() != 32 || proof.size() >= 64) return false;
    proof.push_back(hashFromBytes(*h));
    return true;
}

struct Request {
    uint64_t oldSize = 0;
    std::vector<Hash> proof;
    std::string note;
};

Request parseRequest(std::string_view text) {
    Request r;
    auto bad = [](const std::string& what) {
        return WitnessRefusal("witness request is malformed: " + what);
    };
    size_t eol = text.find('\n');
    if (!text.starts_with("old ") || eol == std::string_view::npos) throw bad("no \"old\" line");
    std::string_view digits = text.substr(4, eol - 4);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), r.oldSize);
    if (ec != std::errc() || end != digits.data() + digits.size()) throw bad("bad old size");
    text.remove_prefix(eol + 1);
    while (true) {
        eol = text.find('\n');
        if (eol == std::string_view::npos) throw bad("no blank line before the checkpoint");
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol + 1);
        if (line.empty()) break;
        if (!appendProofHash(r.proof, line)) throw bad("bad proof hash");
    }
    r.note = std::string(text);
    return r;
}

struct RotationEvidence {
    uint64_t index = 0;
    std::string entry;
    std::vector<Hash> proof;
};

RotationEvidence parseRotationEvidence(std::string_view text) {
    auto bad = [](const std::string& what) {
        return WitnessRefusal("key rotation evidence is malformed: " + what);
    };
    auto nextLine = [&](std::string_view& rest) -> std::optional<std::string_view> {
        size_t eol = rest.find('\n');
        if (eol == std::string_view::npos) return std::nullopt;
        std::string_view line = rest.substr(0, eol);
        rest.remove_prefix(eol + 1);
        return line;
    };
    RotationEvidence r;
    if (nextLine(text) != std::string_view("massho-key-rotation/v1")) throw bad("no header line");
    auto index = nextLine(text);
    if (!index) throw bad("no index line");
    auto [end, ec] = std::from_chars(index->data(), index->data() + index->size(), r.index);
    if (ec != std::errc() || end != index->data() + index->size()) throw bad("bad index");
    auto entry = nextLine(text);
    if (!entry || entry->empty()) throw bad("no entry line");
    r.entry = std::string(*entry);
    while (auto line = nextLine(text)) {
        if (!appendProofHash(r.proof, *line)) throw bad("bad proof hash");
    }
    if (!text.empty()) throw bad("text after the last proof line");
    return r;
}

}  // namespace

Witness::Witness(std::unique_ptr<SigningKey> key, std::unique_ptr<Database> db)
    : key_(std::move(key)), db_(std::move(db)) {}
Witness::Witness(Witness&&) noexcept = default;
Witness& Witness::operator=(Witness&&) noexcept = default;
Witness::~Witness() = default;

Witness Witness::create(const fs::path& dir, const std::string& name) {
    std::error_code ec;
    if (fs::exists(dir / "witness.key", ec))
        throw StoreError(dir.string() + " already holds a witness: refusing to replace its key");
    fs::create_directories(dir, ec);
    ::chmod(dir.c_str(), 0700);
    auto key = std::make_unique<SigningKey>(SigningKey::generate(name, kCosignatureKeyType));
    key->save(dir / "witness.key");
    std::ofstream(dir / "witness.vkey") << key->vkey() << "\n";
    auto db = std::make_unique<Database>(dir / "witness.db", Database::Mode::Create,
                                         detail::witnessMigrations());
    return Witness(std::move(key), std::move(db));
}

Witness Witness::open(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir / "witness.key", ec))
        throw StoreError("no witness in " + dir.string() + ": create one first");
    auto key = std::make_unique<SigningKey>(SigningKey::load(dir / "witness.key"));
    if (key->type() != kCosignatureKeyType)
        throw KeyError("witness key in " + dir.string() + " is not a cosignature key");
    auto db = std::make_unique<Database>(dir / "witness.db", Database::Mode::ReadWrite,
                                         detail::witnessMigrations());
    return Witness(std::move(key), std::move(db));
}

std::optional<std::string> Witness::logVkey(const std::string& origin) const {
    Statement s(*db_, "SELECT vkey FROM logs WHERE origin = ?");
    if (!s.bind(1, origin).step()) return std::nullopt;
    return s.text(0);
}

std::optional<uint64_t> Witness::lastSize(const std::string& origin) const {
    Statement s(*db_, "SELECT size FROM logs WHERE origin = ?");
    if (!s.bind(1, origin).step()) return std::nullopt;
    return static_cast<uint64_t>(s.integer(0));
}

std::string Witness::addCheckpoint(std::string_view requestText, const std::string& logVkey,
                                   uint64_t unixTime) {
    Request request = parseRequest(requestText);
    VerifierKey logKey = VerifierKey::parse(logVkey);
    SignedNote note = parseNote(request.note);
    if (!note.signedBy(logKey))
        throw WitnessRefusal("checkpoint is not signed by the log key " + logKey.name() +
                             ": refusing to cosign");
    Checkpoint c = Checkpoint::parse(note.body);
    if (c.origin != logKey.name())
        throw WitnessRefusal("checkpoint origin \"" + c.origin + "\" is not the key's name");

    Transaction tx(*db_);
    Statement seen(*db_, "SELECT vkey, size, root FROM logs WHERE origin = ?");
    uint64_t knownSize = 0;
    Hash knownRoot = emptyTreeHash();
    if (seen.bind(1, c.origin).step()) {
        knownSize = static_cast<uint64_t>(seen.integer(1));
        knownRoot = hashFromBytes(seen.blob(2));
        // A new log key is accepted only through the log's own rotation entry, signed by the
        // old key (followKeyRotation).
        if (seen.text(0) != logVkey)
            throw WitnessRefusal("log " + c.origin +
                                 " is now signed by a different key than the witness saw: "
                                 "send the key rotation evidence first (massho register "
                                 "rotation-evidence)");
    }
    if (request.oldSize != knownSize)
        throw WitnessRefusal("witness last saw " + c.origin + " at size " +
                             std::to_string(knownSize) + ", not " +
                             std::to_string(request.oldSize) + ": send a proof from that size");
    if (c.size < knownSize)
        throw WitnessRefusal("checkpoint size " + std::to_string(c.size) + " is smaller than the " +
                             std::to_string(knownSize) +
                             " the witness already cosigned: the log was truncated or rolled back");
    if (!verifyConsistency(knownSize, c.size, knownRoot, c.root, request.proof))
        throw WitnessRefusal("checkpoint of size " + std::to_string(c.size) +
                             " is not consistent with the size " + std::to_string(knownSize) +
                             " the witness saw: the log was rewritten (a fork)");
    Statement save(
        *db_, "INSERT OR REPLACE INTO logs(origin, vkey, size, root, note) VALUES(?, ?, ?, ?, ?)");
    save.bind(1, c.origin).bind(2, logVkey).bind(3, static_cast<int64_t>(c.size));
    save.bindBlob(4, hashView(c.root)).bindBlob(5, request.note).run();
    std::string line = cosignatureLine(note.body, *key_, unixTime);
    tx.commit();
    return line;
}

std::string Witness::followKeyRotation(std::string_view evidenceText) {
    RotationEvidence evidence = parseRotationEvidence(evidenceText);
    EntryFields fields;
    try {
        fields = parseEntry(evidence.entry);
    } catch (const RecordsError& e) {
        throw WitnessRefusal(std::string("key rotation entry is not a register entry: ") +
                             e.what());
    }
    if (entryText(fields, "kind") != EntryKind::KeyRotated)
        throw WitnessRefusal("entry " + std::to_string(evidence.index) + " is not a key rotation");
    const VerifierKey oldKey = VerifierKey::parse(entryText(fields, "old_vkey"));
    const VerifierKey newKey = VerifierKey::parse(entryText(fields, "new_vkey"));
    if (newKey.name() != oldKey.name())
        throw WitnessRefusal("the new key's name differs from the log's origin: refusing");

    Transaction tx(*db_);
    Statement seen(*db_, "SELECT vkey, size, root FROM logs WHERE origin = ?");
    if (!seen.bind(1, oldKey.name()).step())
        throw WitnessRefusal("this witness has never seen log " + oldKey.name() +
                             ": cosign its checkpoints first");
    if (seen.text(0) != oldKey.vkey())
        throw WitnessRefusal("the rotation starts from a key this witness does not know for " +
                             oldKey.name() + ": refusing");
    const uint64_t size = static_cast<uint64_t>(seen.integer(1));
    // The old key signed the checkpoint of size index+1 (Store::rotateKey), which this witness
    // cosigned: the rotation must be that tree's last leaf.
    if (evidence.index + 1 != size)
        throw WitnessRefusal("the witness last cosigned size " + std::to_string(size) +
                             "; cosign the old key's last checkpoint (size " +
                             std::to_string(evidence.index + 1) + ") first");
    if (!verifyInclusion(evidence.index, size, leafHash(evidence.entry), evidence.proof,
                         hashFromBytes(seen.blob(2))))
        throw WitnessRefusal("the key rotation entry is not in the tree this witness cosigned");
    Statement update(*db_, "UPDATE logs SET vkey = ? WHERE origin = ?");
    update.bind(1, newKey.vkey()).bind(2, oldKey.name()).run();
    tx.commit();
    return newKey.vkey();
}

}  // namespace massho::records
