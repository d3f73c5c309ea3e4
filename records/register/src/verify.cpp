#include "massho/records/register/verify.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/decimal.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/export.h"
#include "massho/records/register/note.h"
#include "massho/records/register/register.h"
#include "massho/records/register/signing_key.h"

namespace massho::records {
namespace fs = std::filesystem;
namespace {

constexpr size_t kSignatureBatch = 4096;
constexpr size_t kPrepareChunk = 256;  // entries or checkpoints a thread takes at a time
constexpr size_t kRootChunk = 1024;    // tree sizes a thread takes at a time

std::string readWholeFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw RecordsError("cannot read " + file.string());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Thrown inside verification to stop at the first problem; turned into the report.
struct Finding {
    std::optional<uint64_t> index;
    std::string problem;
};

// ---- sources ----

class Source {
  public:
    virtual ~Source() = default;
    virtual bool nextEntry(uint64_t& index, std::string& bytes) = 0;
    virtual bool nextCheckpoint(uint64_t& size, std::string& note) = 0;
    virtual std::vector<std::pair<uint64_t, std::string>> cosignatures() = 0;
    virtual std::optional<std::string> ownVkey() = 0;
    virtual void onLeaf(uint64_t, const Hash&) {}
    virtual void finalCheck(uint64_t) {}
    virtual const char* kind() const = 0;
};

class DatabaseSource : public Source {
  public:
    explicit DatabaseSource(const fs::path& file)
        : dir_(file.parent_path()),
          db_(file, Database::Mode::ReadOnly),
          entries_(db_, "SELECT idx, bytes FROM entries ORDER BY idx"),
          leaves_(db_, "SELECT idx, hash FROM tree_nodes WHERE level = 0 ORDER BY idx"),
          checkpoints_(db_, "SELECT size, note FROM checkpoints ORDER BY size") {
        // Read through a memory map: one sequential pass over the whole file, no copies.
        db_.exec("PRAGMA mmap_size=1073741824");
        db_.exec("BEGIN");  // one snapshot for the whole check
    }
    bool nextEntry(uint64_t& index, std::string& bytes) override {
        if (!entries_.step()) return false;
        index = static_cast<uint64_t>(entries_.integer(0));
        bytes.assign(entries_.blobView(1));  // reuses the batch slot's buffer
        return true;
    }
    bool nextCheckpoint(uint64_t& size, std::string& note) override {
        if (!checkpoints_.step()) return false;
        size = static_cast<uint64_t>(checkpoints_.integer(0));
        note.assign(checkpoints_.blobView(1));
        return true;
    }
    // The stored tree (used for proofs) must agree with the entries too.
    void onLeaf(uint64_t index, const Hash& leaf) override {
        if (!leaves_.step() || static_cast<uint64_t>(leaves_.integer(0)) != index ||
            leaves_.blobView(1) != hashView(leaf))
            throw Finding{index, "the stored Merkle tree's leaf " + std::to_string(index) +
                                     " does not match entry " + std::to_string(index) +
                                     ": proofs printed from this register would be wrong"};
    }
    std::vector<std::pair<uint64_t, std::string>> cosignatures() override {
        Statement s(db_, "SELECT size, line FROM cosignatures ORDER BY size");
        std::vector<std::pair<uint64_t, std::string>> out;
        while (s.step()) out.emplace_back(static_cast<uint64_t>(s.integer(0)), s.text(1));
        return out;
    }
    std::optional<std::string> ownVkey() override {
        std::error_code ec;
        if (!fs::exists(dir_ / "register.vkey", ec)) return std::nullopt;
        return readWholeFile(dir_ / "register.vkey");
    }
    const char* kind() const override { return "database"; }

  private:
    fs::path dir_;
    Database db_;
    Statement entries_, leaves_, checkpoints_;
};

class ExportSource : public Source {
  public:
    explicit ExportSource(fs::path dir) : dir_(std::move(dir)) {
        latest_ = readWholeFile(dir_ / "checkpoint");
        size_ = Checkpoint::parse(parseNote(latest_).body).size;
        std::error_code ec;
        if (fs::exists(dir_ / "massho-checkpoints", ec))
            all_ = readWholeFile(dir_ / "massho-checkpoints");
        else
            all_ = std::to_string(latest_.size()) + "\n" + latest_;
        // No reserve(size_): the size is the checkpoint's claim, read before anything is checked.
    }
    bool nextEntry(uint64_t& index, std::string& bytes) override {
        if (next_ >= size_) return false;
        if (bundlePos_ >= bundle_.size()) loadBundle();
        if (bundlePos_ + 2 > bundle_.size())
            throw Finding{next_, "entry bundle ends early at entry " + std::to_string(next_)};
        size_t len = (static_cast<unsigned char>(bundle_[bundlePos_]) << 8) |
                     static_cast<unsigned char>(bundle_[bundlePos_ + 1]);
        if (bundlePos_ + 2 + len > bundle_.size())
            throw Finding{next_, "entry bundle ends inside entry " + std::to_string(next_)};
        bytes = bundle_.substr(bundlePos_ + 2, len);
        bundlePos_ += 2 + len;
        index = next_++;
        return true;
    }
    bool nextCheckpoint(uint64_t& size, std::string& note) override {
        if (allPos_ >= all_.size()) return false;
        const size_t eol = all_.find('\n', allPos_);
        const auto len = eol == std::string::npos
                             ? std::nullopt
                             : parseDecimal(std::string_view(all_).substr(allPos_, eol - allPos_));
        // Compared without adding to the length: a huge one must not wrap around.
        if (!len || *len > all_.size() - eol - 1)
            throw Finding{std::nullopt, "massho-checkpoints is damaged near byte " +
                                            std::to_string(allPos_) +
                                            ": expected a note's length in bytes, then the note"};
        note = all_.substr(eol + 1, *len);
        allPos_ = eol + 1 + *len;
        try {
            size = Checkpoint::parse(parseNote(note).body).size;
        } catch (const RecordsError& e) {
            throw Finding{
                std::nullopt,
                std::string("a checkpoint in massho-checkpoints is malformed: ") + e.what()};
        }
        return true;
    }
    std::vector<std::pair<uint64_t, std::string>> cosignatures() override {
        std::vector<std::pair<uint64_t, std::string>> out;
        std::error_code ec;
        if (!fs::exists(dir_ / "massho-cosignatures", ec)) return out;
        std::string text = readWholeFile(dir_ / "massho-cosignatures");
        for (size_t pos = 0, lineNo = 1; pos < text.size(); ++lineNo) {
            size_t eol = text.find('\n', pos);
            if (eol == std::string::npos) break;
            std::string line = text.substr(pos, eol + 1 - pos);
            size_t space = line.find(' ');
            const auto size = space == std::string::npos
                                  ? std::nullopt
                                  : parseDecimal(std::string_view(line).substr(0, space));
            if (!size)
                throw Finding{std::nullopt, "massho-cosignatures line " + std::to_string(lineNo) +
                                                " is damaged: expected a tree size, a space and "
                                                "a cosignature line"};
            out.emplace_back(*size, line.substr(space + 1));
            pos = eol + 1;
        }
        return out;
    }
    std::optional<std::string> ownVkey() override {
        std::error_code ec;
        if (!fs::exists(dir_ / "register.vkey", ec)) return std::nullopt;
        return readWholeFile(dir_ / "register.vkey");
    }
    void onLeaf(uint64_t, const Hash& leaf) override { leaves_.push_back(leaf); }
    // Every hash tile must hold the tree's real nodes, so that tile-based tools agree.
    void finalCheck(uint64_t size) override {
        std::vector<Hash> level = leaves_;
        for (unsigned tileLevel = 0; !level.empty() && size >> (8 * tileLevel); ++tileLevel) {
            uint64_t nodes = level.size();
            for (uint64_t tile = 0; tile * 256 < nodes; ++tile) {
                uint64_t width = std::min<uint64_t>(256, nodes - tile * 256);
                std::string name = "tile/" + std::to_string(tileLevel) + "/" + tilePath(tile) +
                                   (width < 256 ? ".p/" + std::to_string(width) : "");
                std::string expected;
                for (uint64_t j = 0; j < width; ++j) expected += hashView(level[tile * 256 + j]);
                std::error_code ec;
                if (!fs::exists(dir_ / name, ec) || readWholeFile(dir_ / name) != expected)
                    throw Finding{std::nullopt, "hash tile " + name +
                                                    " is missing or does not match the entries"};
            }
            // The next tile level holds the roots of each full 256-node group.
            std::vector<Hash> up;
            for (uint64_t g = 0; (g + 1) * 256 <= nodes; ++g) {
                std::vector<Hash> row(level.begin() + static_cast<long>(g * 256),
                                      level.begin() + static_cast<long>((g + 1) * 256));
                while (row.size() > 1) {
                    std::vector<Hash> parent;
                    for (size_t i = 0; i < row.size(); i += 2)
                        parent.push_back(nodeHash(row[i], row[i + 1]));
                    row.swap(parent);
                }
                up.push_back(row[0]);
            }
            level.swap(up);
        }
    }
    const char* kind() const override { return "export"; }

  private:
    // How many entries the bundles under tile/entries hold: a full bundle 256, a partial one
    // (NNN.p/W) W. Only for the message when one the checkpoint needs is missing.
    uint64_t entriesHeld() const {
        uint64_t held = 0;
        std::error_code ec;
        for (fs::recursive_directory_iterator it(dir_ / "tile/entries", ec), end; !ec && it != end;
             it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            if (!it->path().parent_path().filename().string().ends_with(".p")) {
                held += 256;
            } else if (auto width = parseDecimal(it->path().filename().string())) {
                held += *width;
            }
        }
        return held;
    }

    void loadBundle() {
        uint64_t tile = next_ / 256;
        uint64_t width = std::min<uint64_t>(256, size_ - tile * 256);
        std::string name =
            "tile/entries/" + tilePath(tile) + (width < 256 ? ".p/" + std::to_string(width) : "");
        std::error_code ec;
        if (!fs::exists(dir_ / name, ec))
            throw Finding{next_, "entry bundle " + name + " is missing: the checkpoint in " +
                                     (dir_ / "checkpoint").string() + " claims " +
                                     groupedDecimal(size_) + " entries but the export holds " +
                                     groupedDecimal(entriesHeld()) +
                                     " (entries were deleted, or the checkpoint was altered)"};
        // 256 entries of at most 65,535 bytes, each after its 2-byte length (tlog-tiles).
        constexpr uintmax_t kMaxBundleBytes = 256 * (2 + 65535);
        if (fs::file_size(dir_ / name, ec) > kMaxBundleBytes || ec)
            throw Finding{next_, "entry bundle " + name +
                                     " is larger than 256 entries can be: it was altered"};
        bundle_ = readWholeFile(dir_ / name);
        bundlePos_ = 0;
    }

    fs::path dir_;
    std::string latest_, all_, bundle_;
    uint64_t size_ = 0, next_ = 0;
    size_t allPos_ = 0, bundlePos_ = 0;
    std::vector<Hash> leaves_;
};

std::unique_ptr<Source> openSource(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (fs::exists(path / "checkpoint", ec)) return std::make_unique<ExportSource>(path);
        if (fs::exists(path / "massho.db", ec))
            return std::make_unique<DatabaseSource>(path / "massho.db");
        throw RecordsError(path.string() +
                           " holds neither a register (massho.db) nor an export (checkpoint)");
    }
    if (fs::exists(path, ec)) return std::make_unique<DatabaseSource>(path);
    throw RecordsError("no register at " + path.string() +
                       ": give a data directory, a massho.db file or an export folder");
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    for (size_t pos = 0; pos < text.size();) {
        size_t eol = text.find('\n', pos);
        std::string line =
            text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
        if (!line.empty()) out.push_back(line);
        if (eol == std::string::npos) break;
        pos = eol + 1;
    }
    return out;
}

// ---- the verifier ----

struct SignatureJob {
    uint64_t size;
    std::string body;
    std::string signature;
    const VerifierKey* key;
};

// The part of checking one entry that needs no other entry, done for a whole batch on every
// core: the strict canonical-JSON check and the leaf hash.
struct PreparedEntry {
    uint64_t index = 0;
    std::string bytes;
    Hash leaf{};
    std::string error;  // validateEntry's message; empty when the entry is valid
    std::string kind;
    EntryFields fields;  // kept only where the sequential pass reads more than the kind
    bool needRoot = false;
    Hash root{};  // the tree's root at size index+1, when a checkpoint or the auditor needs it
};

// A stored checkpoint as read and parsed ahead of the entries it covers.
struct PreparedCheckpoint {
    uint64_t size = 0;
    std::string text;
    std::optional<Finding> readError;  // the source could not deliver it: raised in order
    bool parsed = false;
    std::string parseError;
    SignedNote note;
    Checkpoint checkpoint;
};

void prepare(PreparedEntry& e) {
    e.leaf = leafHash(e.bytes);
    e.error.clear();
    e.fields.clear();
    try {
        EntryFields fields = validateEntry(e.bytes);
        e.kind = entryString(fields, "kind");
        if (e.index == 0 || e.kind == EntryKind::KeyRotated) e.fields = std::move(fields);
    } catch (const RecordsError& err) {
        e.error = err.what();
    }
}

void prepare(PreparedCheckpoint& c) {
    if (c.parsed || c.readError) return;
    c.parsed = true;
    try {
        c.note = parseNote(c.text);
        c.checkpoint = Checkpoint::parse(c.note.body);
    } catch (const RecordsError& e) {
        c.parseError = e.what();
    }
}

// Runs work(i) for every i in [0, n) on `threads` threads, this one included, handing out
// `chunk` items at a time: on a machine shared with other jobs one thread may be descheduled,
// and the other then takes the remaining chunks instead of waiting at the join. Rethrows the
// first exception a thread raised.
template <class Work>
void parallelFor(size_t n, unsigned threads, size_t chunk, Work work) {
    threads = static_cast<unsigned>(std::clamp<size_t>(std::min<size_t>(threads, n), 1, 16));
    std::atomic<size_t> next{0};
    std::vector<std::exception_ptr> errors(threads);
    auto run = [&](unsigned t) {
        try {
            for (size_t begin; (begin = next.fetch_add(chunk)) < n;)
                for (size_t i = begin; i < std::min(n, begin + chunk); ++i) work(i);
        } catch (...) {
            errors[t] = std::current_exception();
            next = n;  // the others stop too
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
    for (auto& th : pool) th.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

class Verifier {
  public:
    Verifier(Source& source, const VerifyOptions& options, VerifyReport& report)
        : source_(source), options_(options), report_(report) {
        for (const auto& w : options.witnessVkeys) witnesses_.push_back(VerifierKey::parse(w));
        for (const auto& [size, line] : source.cosignatures()) cosignatures_[size].push_back(line);
        for (const auto& extra : options.extraCheckpoints) {
            SignedNote note = parseNote(extra.note);
            Checkpoint c = Checkpoint::parse(note.body);
            externalSizes_.insert(c.size);
            external_.push_back({extra.label, std::move(note), c});
        }
        batch_.resize(std::max<size_t>(1, options.batchEntries));
    }

    // Entries are read in batches; each batch is prepared on all cores, then walked in index
    // order, so the first problem reported is the same as a one-by-one walk would report.
    void run() {
        if (externalSizes_.contains(0)) roots_[0] = emptyTreeHash();
        PreparedCheckpoint* next = peekCheckpoint();
        uint64_t lastCheckpoint = 0;
        for (;;) {
            size_t count = readBatch();
            for (size_t b = 0; b < count; ++b) {
                PreparedEntry& e = batch_[b];
                if (e.index != report_.entries)
                    throw Finding{report_.entries, "entry " + std::to_string(report_.entries) +
                                                       " is missing (the next stored entry is " +
                                                       std::to_string(e.index) +
                                                       "): entries were deleted"};
                checkEntry(e);
                if (options_.onEntry) options_.onEntry(e.index, e.bytes);
                ++report_.entries;
                if (externalSizes_.contains(report_.entries)) roots_[report_.entries] = rootOf(e);
                if (next && next->size < report_.entries)
                    throw Finding{
                        std::nullopt,
                        "checkpoint for size " + std::to_string(next->size) + " is out of order"};
                if (next && next->size == report_.entries) {
                    checkCheckpoint(*next, rootOf(e));
                    lastCheckpoint = next->size;
                    lastSigned_ = std::move(next->note);
                    pending_.pop_front();
                    next = peekCheckpoint();
                }
                // After the checkpoint: an altered entry is reported as such, and only an entry
                // that matches its signed tree but not the stored one points at the stored tree.
                source_.onLeaf(e.index, e.leaf);
            }
            if (readError_) throw Finding(*readError_);
            if (count < batch_.size()) break;
        }
        uint64_t n = report_.entries;
        if (next)
            throw Finding{n, "checkpoint " + std::to_string(next->size) + " was signed over " +
                                 std::to_string(next->size) + " entries but only " +
                                 std::to_string(n) +
                                 " remain: entries at the end were deleted (truncation)"};
        if (n > 0 && lastCheckpoint != n)
            throw Finding{lastCheckpoint, "entries " + std::to_string(lastCheckpoint) + ".." +
                                              std::to_string(n - 1) +
                                              " are not covered by any signed checkpoint"};
        if (n > 0 && lastQueued_ != n) queueSignature(n, lastSigned_);
        flushSignatures();
        source_.finalCheck(n);
        report_.root = range_.root();
        checkTrust();
        checkExternal(n);
        checkWitnesses();
    }

  private:
    struct External {
        std::string label;
        SignedNote note;
        Checkpoint checkpoint;
    };

    static const Hash& rootOf(const PreparedEntry& e) {
        if (!e.needRoot) throw RecordsError("internal: a tree root was needed but not computed");
        return e.root;
    }

    // Reads the next batch of entries and the checkpoints up to its end, prepares them on all
    // cores. A source error is kept and raised after the entries before it were checked.
    size_t readBatch() {
        size_t count = 0;
        try {
            while (count < batch_.size() &&
                   source_.nextEntry(batch_[count].index, batch_[count].bytes))
                ++count;
        } catch (const Finding& f) {
            readError_ = f;
        }
        uint64_t end = count ? batch_[count - 1].index + 1 : 0;
        size_t firstNew = pending_.size();
        while (!checkpointsDone_ && (pending_.empty() || pending_.back().size <= end) &&
               pending_.size() <= batch_.size())
            fetchCheckpoint();
        size_t fresh = pending_.size() - firstNew;
        parallelFor(count + fresh, options_.threads, kPrepareChunk, [&](size_t i) {
            if (i < count)
                prepare(batch_[i]);
            else
                prepare(pending_[firstNew + (i - count)]);
        });
        markNeededRoots(count, pending_.size() > batch_.size());
        computeRoots(count);
        return count;
    }

    // Position p of the batch stands for the tree of size entries+p+1 (a gap in the indexes is
    // reported before any root after it is used).
    void markNeededRoots(size_t count, bool all) {
        const uint64_t base = report_.entries;
        for (size_t p = 0; p < count; ++p) batch_[p].needRoot = all;
        auto mark = [&](uint64_t size) {
            if (size > base && size - base <= count) batch_[size - base - 1].needRoot = true;
        };
        for (const auto& c : pending_) mark(c.size);
        for (uint64_t size : externalSizes_) mark(size);
    }

    // The root after every needed leaf costs popcount(size)-1 hashes: the bulk of the hashing.
    // One cheap sequential pass (about one hash per leaf) notes the compact range at the start
    // of every chunk; the chunks' roots are then computed on all threads.
    void computeRoots(size_t count) {
        std::vector<CompactRange> starts;
        for (size_t p = 0; p < count; ++p) {
            if (p % kRootChunk == 0) starts.push_back(range_);
            range_.append(batch_[p].leaf);
        }
        parallelFor(starts.size(), options_.threads, 1, [&](size_t c) {
            CompactRange range = starts[c];
            for (size_t p = c * kRootChunk; p < std::min(count, (c + 1) * kRootChunk); ++p) {
                range.append(batch_[p].leaf);
                if (batch_[p].needRoot) batch_[p].root = range.root();
            }
        });
    }

    // Appends the source's next checkpoint (or its read error) to pending_.
    void fetchCheckpoint() {
        PreparedCheckpoint c;
        try {
            if (!source_.nextCheckpoint(c.size, c.text)) {
                checkpointsDone_ = true;
                return;
            }
        } catch (const Finding& f) {
            c.readError = f;
            checkpointsDone_ = true;
        }
        pending_.push_back(std::move(c));
    }

    // The next stored checkpoint in source order, or nullptr after the last one.
    PreparedCheckpoint* peekCheckpoint() {
        if (pending_.empty() && !checkpointsDone_) fetchCheckpoint();
        if (pending_.empty()) return nullptr;
        PreparedCheckpoint& c = pending_.front();
        if (c.readError) throw Finding(*c.readError);
        prepare(c);
        return &c;
    }

    void checkEntry(const PreparedEntry& e) {
        const uint64_t index = e.index;
        if (!e.error.empty())
            throw Finding{index,
                          "entry " + std::to_string(index) + " is not a valid entry: " + e.error};
        const std::string& kind = e.kind;
        const EntryFields& fields = e.fields;
        if (index == 0) {
            if (kind != EntryKind::RegisterCreated)
                throw Finding{0, "entry 0 is \"" + kind +
                                     "\", not register-created: the start of the log was replaced"};
            report_.origin = entryString(fields, "origin");
            addKey(entryString(fields, "vkey"), 0);
        } else if (kind == EntryKind::KeyRotated) {
            if (entryString(fields, "old_vkey") != keys_.back().key.vkey())
                throw Finding{index, "entry " + std::to_string(index) +
                                         " rotates from a key that is not the current one"};
            // Its own checkpoint (size index+1) is still signed by the old key.
            addKey(entryString(fields, "new_vkey"), index + 2);
        }
    }

    void addKey(const std::string& vkey, uint64_t firstSize) {
        try {
            keys_.push_back({VerifierKey::parse(vkey), firstSize});
        } catch (const RecordsError& e) {
            throw Finding{firstSize == 0 ? 0 : firstSize - 2,
                          std::string("a register key is unreadable: ") + e.what()};
        }
        if (keys_.back().key.name() != report_.origin)
            throw Finding{firstSize == 0 ? 0 : firstSize - 2,
                          "the register key's name differs from its origin"};
        report_.keyChain.push_back(vkey);
    }

    const VerifierKey& keyFor(uint64_t size) const {
        const VerifierKey* key = &keys_.front().key;
        for (const auto& k : keys_)
            if (k.firstSize <= size) key = &k.key;
        return *key;
    }

    bool isLastOfItsKey(uint64_t size) const {
        for (const auto& k : keys_)
            if (k.firstSize == size + 1) return true;
        return false;
    }

    void checkCheckpoint(const PreparedCheckpoint& p, const Hash& treeRoot) {
        ++report_.checkpoints;
        const uint64_t size = p.size;
        std::string where = "checkpoint " + std::to_string(size);
        if (!p.parseError.empty())
            throw Finding{std::nullopt, where + " is malformed: " + p.parseError};
        const SignedNote& note = p.note;
        const Checkpoint& c = p.checkpoint;
        if (c.origin != report_.origin)
            throw Finding{std::nullopt, where + " names origin \"" + c.origin + "\", not \"" +
                                            report_.origin + "\""};
        if (c.size != size) throw Finding{std::nullopt, where + " is stored under the wrong size"};
        if (c.root != treeRoot) {
            flushSignatures();  // report an earlier forged signature first
            throw Finding{size - 1, "entry " + std::to_string(size - 1) +
                                        " does not match the tree signed in checkpoint " +
                                        std::to_string(size) +
                                        ": it (or the order of entries) was altered after signing"};
        }
        bool mustVerify =
            options_.allSignatures || isLastOfItsKey(size) || cosignatures_.contains(size);
        if (mustVerify) queueSignature(size, note);
        auto cos = cosignatures_.find(size);
        if (cos != cosignatures_.end()) checkCosignatures(size, note, cos->second);
    }

    void queueSignature(uint64_t size, const SignedNote& note) {
        lastQueued_ = size;
        const VerifierKey& key = keyFor(size);
        const NoteSignature* sig = nullptr;
        for (const auto& s : note.signatures)
            if (s.keyName == key.name() && s.keyId == key.keyId()) sig = &s;
        if (!sig)
            throw Finding{std::nullopt, "checkpoint " + std::to_string(size) +
                                            " carries no signature by the register key " +
                                            base::hexEncode(key.keyId())};
        jobs_.push_back({size, note.body, sig->payload, &key});
        if (jobs_.size() >= kSignatureBatch) flushSignatures();
    }

    void flushSignatures() {
        if (jobs_.empty()) return;
        std::vector<char> good(jobs_.size(), 0);
        parallelFor(jobs_.size(), options_.threads, 16, [&](size_t i) {
            good[i] = jobs_[i].key->verify(jobs_[i].body, jobs_[i].signature) ? 1 : 0;
        });
        report_.signaturesChecked += jobs_.size();
        for (size_t i = 0; i < jobs_.size(); ++i)
            if (!good[i]) {
                uint64_t size = jobs_[i].size;
                jobs_.clear();
                throw Finding{std::nullopt, "checkpoint " + std::to_string(size) +
                                                ": the signature does not verify with the register "
                                                "key: it was forged or damaged"};
            }
        jobs_.clear();
    }

    void checkCosignatures(uint64_t size, const SignedNote& note,
                           const std::vector<std::string>& lines) {
        for (const auto& line : lines) {
            ++report_.cosignatures;
            SignedNote cosigned = parseNote(note.text() + line);
            for (const auto& w : witnesses_) {
                if (!cosigned.hasSignatureLineFor(w)) continue;
                if (!verifyCosignature(cosigned, w))
                    throw Finding{std::nullopt, "witness " + w.name() +
                                                    "'s cosignature on checkpoint " +
                                                    std::to_string(size) + " does not verify"};
                uint64_t& latest = cosignedBy_[w.vkey()];
                latest = std::max(latest, size);
            }
        }
    }

    void checkTrust() {
        std::vector<std::string> trusted = options_.trustedVkeys;
        if (trusted.empty()) {
            auto own = source_.ownVkey();
            if (!own)
                throw RecordsError(
                    "no verifier key given and none in the source: pass --vkey FILE");
            trusted = splitLines(*own);
            report_.usedOwnVkey = true;
        }
        for (const auto& t : trusted)
            VerifierKey::parse(t);  // a malformed trusted key is a usage error
        for (const auto& k : report_.keyChain)
            if (std::find(trusted.begin(), trusted.end(), k) != trusted.end()) return;
        throw Finding{
            std::nullopt,
            "the register is signed by " +
                (report_.keyChain.empty() ? std::string("no key") : report_.keyChain.back()) +
                ", which is not a trusted verifier key: the register or its key was replaced"};
    }

    void checkExternal(uint64_t n) {
        for (const auto& e : external_) {
            ++report_.extraCheckpoints;
            bool signedOk = false;
            for (const auto& k : keys_) signedOk = signedOk || e.note.signedBy(k.key);
            for (const auto& t : options_.trustedVkeys)
                signedOk = signedOk || e.note.signedBy(VerifierKey::parse(t));
            if (!signedOk)
                throw Finding{
                    std::nullopt,
                    "checkpoint " + e.label +
                        " is not signed by the register's keys: it is forged or from another log"};
            if (e.checkpoint.origin != report_.origin)
                throw Finding{std::nullopt, "checkpoint " + e.label + " is for origin \"" +
                                                e.checkpoint.origin + "\""};
            if (e.checkpoint.size > n)
                throw Finding{n, "checkpoint " + e.label + " was signed over " +
                                     std::to_string(e.checkpoint.size) +
                                     " entries but the register has only " + std::to_string(n) +
                                     ": it was truncated or rolled back to an older copy"};
            if (roots_.at(e.checkpoint.size) != e.checkpoint.root)
                throw Finding{
                    std::nullopt,
                    "checkpoint " + e.label + " (size " + std::to_string(e.checkpoint.size) +
                        ") disagrees with the register's tree at that size: the log was rewritten"};
        }
    }

    void checkWitnesses() {
        report_.witnesses = cosignedBy_.size();
        report_.requiredWitnesses = options_.requiredWitnesses;
        // A witness that cosigned size T vouches for the first T entries (it checked consistency
        // with everything it saw before), so K witnesses vouch for the K-th largest of their T.
        std::vector<uint64_t> sizes;
        for (const auto& [vkey, size] : cosignedBy_) sizes.push_back(size);
        std::sort(sizes.begin(), sizes.end(), std::greater<>());
        const size_t k = std::max<size_t>(options_.requiredWitnesses, 1);
        if (sizes.size() >= k) report_.witnessedSize = sizes[k - 1];
        if (report_.witnesses < options_.requiredWitnesses)
            throw Finding{std::nullopt,
                          "only " + std::to_string(report_.witnesses) + " of the " +
                              std::to_string(options_.requiredWitnesses) +
                              " required witnesses cosigned a checkpoint of this register"};
    }

    struct ChainKey {
        VerifierKey key;
        uint64_t firstSize;  // first checkpoint size this key signs
    };

    Source& source_;
    const VerifyOptions& options_;
    VerifyReport& report_;
    CompactRange range_;
    std::deque<ChainKey> keys_;  // deque: queued signature jobs point into it
    std::vector<VerifierKey> witnesses_;
    std::map<uint64_t, std::vector<std::string>> cosignatures_;
    std::map<std::string, uint64_t> cosignedBy_;  // witness vkey → largest size it cosigned
    std::vector<External> external_;
    std::set<uint64_t> externalSizes_;
    std::map<uint64_t, Hash> roots_;
    std::vector<SignatureJob> jobs_;
    std::vector<PreparedEntry> batch_;
    std::deque<PreparedCheckpoint> pending_;  // read ahead, in source order
    bool checkpointsDone_ = false;
    std::optional<Finding> readError_;
    SignedNote lastSigned_;    // the latest checkpoint checked against the tree
    uint64_t lastQueued_ = 0;  // size of the latest checkpoint whose signature is queued
};

}  // namespace

VerifyReport verifyRegister(const fs::path& path, const VerifyOptions& given) {
    // Accept whole vkey files (one key per line, trailing newline) as well as single lines.
    VerifyOptions options = given;
    auto normalise = [](std::vector<std::string>& keys) {
        std::vector<std::string> lines;
        for (const auto& k : keys)
            for (auto& line : splitLines(k)) lines.push_back(line);
        keys = std::move(lines);
    };
    normalise(options.trustedVkeys);
    normalise(options.witnessVkeys);
    VerifyReport report;
    report.source = path.string();
    report.everySignature = options.allSignatures;
    std::unique_ptr<Source> source;
    try {
        source = openSource(path);
    } catch (const Finding& f) {
        report.problem = f.problem;
        report.firstBadIndex = f.index;
        return report;
    }
    report.sourceKind = source->kind();
    try {
        Verifier(*source, options, report).run();
        report.ok = true;
    } catch (const Finding& f) {
        report.ok = false;
        report.firstBadIndex = f.index;
        report.problem = f.problem;
    }
    return report;
}

std::string VerifyReport::text() const {
    std::string out;
    if (!ok) {
        out += "register verification FAILED: " + source + "\n";
        if (firstBadIndex) out += "first bad index: " + std::to_string(*firstBadIndex) + "\n";
        out += "problem: " + problem + "\n";
        out += "checked before the problem: " + std::to_string(entries) + " entries, " +
               std::to_string(checkpoints) + " checkpoints\n";
        return out;
    }
    out += "register verified: " + source + " (" + sourceKind + ")\n";
    out += "origin: " + origin + "\n";
    out +=
        "entries: " + std::to_string(entries) +
        (entries ? " (indexes 0.." + std::to_string(entries - 1) + "), every leaf hash recomputed\n"
                 : "\n");
    out += "tree root: " + base::base64::encode(hashView(root)) + " at size " +
           std::to_string(entries) + "\n";
    out += "checkpoints: " + std::to_string(checkpoints) +
           " stored, each matches the tree at its size; " + std::to_string(signaturesChecked) +
           " Ed25519 signatures verified " +
           (everySignature ? std::string("(every checkpoint's)\n")
                           : std::string("(the latest checkpoint's, the last of each key's and "
                                         "cosigned ones'; the other checkpoints' signatures were "
                                         "not checked, their contents are fixed by the tree the "
                                         "latest signature covers)\n"));
    for (size_t i = 0; i < keyChain.size(); ++i)
        out += (i == 0 ? "signing key: " : "rotated to: ") + keyChain[i] + "\n";
    if (usedOwnVkey)
        out +=
            "trust: the source's own register.vkey (integrity only; pass --vkey with your own "
            "copy)\n";
    else
        out += "trust: the register key chain includes a key you gave\n";
    out += "external checkpoints: " + std::to_string(extraCheckpoints) + " given, all consistent\n";
    out += "witness cosignatures: " + std::to_string(cosignatures) + " stored, " +
           std::to_string(witnesses) + " trusted witness(es) verified\n";
    if (witnessedSize)
        out += "witnessed: the first " + std::to_string(*witnessedSize) + " of " +
               std::to_string(entries) + " entries by " +
               std::to_string(std::max<uint64_t>(requiredWitnesses, 1)) + " or more witness(es)" +
               (*witnessedSize < entries ? "; later entries are not witnessed yet" : "") + "\n";
    out += "OK\n";
    return out;
}

}  // namespace massho::records
