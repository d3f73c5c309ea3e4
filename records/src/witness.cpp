#include "massho/records/witness.h"

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <vector>

#include "massho/records/base64.h"
#include "massho/records/errors.h"
#include "massho/records/merkle.h"
#include "massho/records/note.h"

namespace massho::records {
namespace fs = std::filesystem;
namespace {

constexpr const char* kWitnessSchemaV1 = R"sql(
CREATE TABLE logs(
  origin TEXT PRIMARY KEY,
  vkey TEXT NOT NULL,
  size INTEGER NOT NULL,
  root BLOB NOT NULL,
  note BLOB NOT NULL
);
)sql";

const std::vector<Migration>& witnessSchema() {
    static const std::vector<Migration> list = {{1, kWitnessSchemaV1}};
    return list;
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
        auto h = base64Decode(line);
        if (!h || h->size() != 32 || r.proof.size() >= 64) throw bad("bad proof hash");
        r.proof.push_back(hashFromBytes(*h));
    }
    r.note = std::string(text);
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
    auto db =
        std::make_unique<Database>(dir / "witness.db", Database::Mode::Create, witnessSchema());
    return Witness(std::move(key), std::move(db));
}

Witness Witness::open(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir / "witness.key", ec))
        throw StoreError("no witness in " + dir.string() + ": create one first");
    auto key = std::make_unique<SigningKey>(SigningKey::load(dir / "witness.key"));
    if (key->type() != kCosignatureKeyType)
        throw KeyError("witness key in " + dir.string() + " is not a cosignature key");
    auto db =
        std::make_unique<Database>(dir / "witness.db", Database::Mode::ReadWrite, witnessSchema());
    return Witness(std::move(key), std::move(db));
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
        // A rotated log key is accepted only through the log itself (not yet: refuse).
        if (seen.text(0) != logVkey)
            throw WitnessRefusal("log " + c.origin +
                                 " is now signed by a different key than the "
                                 "witness saw: refusing (re-register the log with the witness)");
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

}  // namespace massho::records
