#include "massho/records/register/verify.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <charconv>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "batch_reader.h"
#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_check.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/note.h"
#include "massho/records/register/register.h"
#include "massho/records/register/signing_key.h"
#include "verify_source.h"

namespace massho::records {
namespace fs = std::filesystem;
using detail::EntryBatch;
using detail::Finding;
using detail::Source;
namespace {

constexpr size_t kSignatureBatch = 4096;
// Root work is done in aligned pieces of the tree: within a piece the roots need only the
// piece's own leaves (on any core), and the tree before it is added in popcount(start) hashes.
constexpr unsigned kPieceLevel = 10;
constexpr uint64_t kPiece = uint64_t{1} << kPieceLevel;

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

struct SignatureJob {
    uint64_t size;
    std::string body;
    std::string signature;
    const VerifierKey* key;
};

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

// A stored checkpoint waiting for the entry whose tree it signs. Its text stays in the batch it
// was read with; one still waiting when that batch is refilled keeps a copy.
struct PendingCheckpoint {
    uint64_t size = 0;
    const EntryBatch* batch = nullptr;  // holding its text; nullptr once copied
    std::string_view view;
    std::string copy;
    std::optional<Finding> readError;
    // Set when its text is exactly the note of the recomputed tree at its size (isNoteWithBody):
    // nothing about it is left to check but its signature.
    bool matchesTree = false;

    std::string_view text() const { return batch ? view : std::string_view(copy); }
};

// A checkpoint's text taken apart, for the checks and signatures that need its parts.
struct ParsedCheckpoint {
    std::string parseError;
    SignedNote note;
    Checkpoint checkpoint;
};

ParsedCheckpoint parseCheckpoint(std::string_view text) {
    ParsedCheckpoint p;
    try {
        p.note = parseNote(text);
        p.checkpoint = Checkpoint::parse(p.note.body);
    } catch (const RecordsError& e) {
        p.parseError = e.what();
    }
    return p;
}

// What the cores work out for a batch before it is walked in order. Position p of the batch
// stands for the tree of size base+p+1 (a gap in the indexes is reported before any root after
// it is used).
struct BatchWork {
    struct Piece {
        size_t begin, end;    // positions
        bool aligned;         // starts at a multiple of kPiece
        CompactRange before;  // the tree before it
        Hash root{};          // its own root, when aligned and full
    };
    std::vector<Piece> pieces;
    std::vector<Hash> leaf;
    std::vector<std::string> kind;
    std::vector<char> valid;
    std::vector<char> needRoot;
    std::vector<Hash> root;
    std::vector<PendingCheckpoint*> checkpointAt;  // the first pending checkpoint of that size
};

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
    }

    // Entries are read in batches on a thread of their own; each batch is prepared on all
    // cores, then walked in index order, so the first problem reported is the same as a
    // one-by-one walk would report.
    void run() {
        if (externalSizes_.contains(0)) roots_[0] = emptyTreeHash();
        uint64_t lastCheckpoint = 0;
        detail::BatchReader reader(source_, options_.batchEntries);
        for (bool last = false; !last;) {
            EntryBatch& batch = reader.next();
            if (batch.failure) std::rethrow_exception(batch.failure);
            takeCheckpoints(batch);
            prepare(batch);
            raiseFrontReadError();
            for (size_t p = 0; p < batch.size(); ++p) walk(batch, p, lastCheckpoint);
            if (batch.readError) throw Finding(*batch.readError);
            last = batch.last;
            keepWaitingCheckpoints(batch);
            reader.recycle(batch);
        }
        uint64_t n = report_.entries;
        if (hasPending())
            throw Finding{n, "checkpoint " + std::to_string(front().size) + " was signed over " +
                                 std::to_string(front().size) + " entries but only " +
                                 std::to_string(n) +
                                 " remain: entries at the end were deleted (truncation)"};
        if (n > 0 && lastCheckpoint != n)
            throw Finding{lastCheckpoint, "entries " + std::to_string(lastCheckpoint) + ".." +
                                              std::to_string(n - 1) +
                                              " are not covered by any signed checkpoint"};
        if (n > 0 && lastQueued_ != n) queueSignature(n, parseCheckpoint(lastChecked_).note);
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

    // ---- the checkpoints read ahead ----

    bool hasPending() const { return pendingHead_ < pending_.size(); }
    PendingCheckpoint& front() { return pending_[pendingHead_]; }

    void takeCheckpoints(const EntryBatch& batch) {
        pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(pendingHead_));
        pendingHead_ = 0;
        for (const auto& c : batch.checkpoints)
            pending_.push_back({c.size, &batch, batch.checkpoint(c), {}, c.readError, false});
    }

    // Before the batch is refilled: the checkpoints beyond its entries keep their text.
    void keepWaitingCheckpoints(const EntryBatch& batch) {
        for (size_t i = pendingHead_; i < pending_.size(); ++i)
            if (pending_[i].batch == &batch) {
                pending_[i].copy = pending_[i].view;
                pending_[i].batch = nullptr;
            }
    }

    // ---- the work of all cores ----

    void prepare(const EntryBatch& batch) {
        const size_t count = batch.size();
        const uint64_t base = report_.entries;
        work_.leaf.resize(count);
        work_.kind.resize(count);
        work_.valid.assign(count, 0);
        work_.root.resize(count);
        markNeededRoots(count);
        cutPieces(base, count);
        // Every entry's checks and leaf hash, and the roots inside each aligned piece.
        parallelFor(work_.pieces.size(), options_.threads, 1,
                    [&](size_t i) { preparePiece(batch, work_.pieces[i]); });
        // In order, cheaply: the tree before each piece, from the pieces' roots.
        for (auto& piece : work_.pieces) advance(piece);
        noteOrigin(batch, base);
        // Every needed root, and every checkpoint compared with it.
        parallelFor(work_.pieces.size(), options_.threads, 1,
                    [&](size_t i) { finishPiece(work_.pieces[i], base); });
    }

    // The positions whose tree root a stored or an outside checkpoint needs.
    void markNeededRoots(size_t count) {
        const uint64_t base = report_.entries;
        work_.needRoot.assign(count, 0);
        work_.checkpointAt.assign(count, nullptr);
        auto inBatch = [&](uint64_t size) { return size > base && size - base <= count; };
        for (size_t i = pendingHead_; i < pending_.size(); ++i) {
            PendingCheckpoint& c = pending_[i];
            if (inBatch(c.size) && !work_.checkpointAt[c.size - base - 1]) {
                work_.needRoot[c.size - base - 1] = 1;
                work_.checkpointAt[c.size - base - 1] = &c;
            }
        }
        for (uint64_t size : externalSizes_)
            if (inBatch(size)) work_.needRoot[size - base - 1] = 1;
    }

    // Cuts the batch at every tree size that is a multiple of kPiece.
    void cutPieces(uint64_t base, size_t count) {
        work_.pieces.clear();
        for (size_t begin = 0; begin < count;) {
            const uint64_t start = base + begin;
            const size_t end = std::min<size_t>(count, begin + (kPiece - start % kPiece));
            work_.pieces.push_back({begin, end, start % kPiece == 0, {}, {}});
            begin = end;
        }
    }

    void preparePiece(const EntryBatch& batch, BatchWork::Piece& piece) {
        CompactRange inner;
        for (size_t p = piece.begin; p < piece.end; ++p) {
            const std::string_view bytes = batch.entry(p);
            work_.valid[p] = isValidEntry(bytes, work_.kind[p]) ? 1 : 0;
            work_.leaf[p] = leafHash(bytes);
            if (!piece.aligned) continue;
            inner.append(work_.leaf[p]);
            if (work_.needRoot[p]) work_.root[p] = inner.root();  // the piece's part so far
        }
        if (piece.aligned && inner.size() == kPiece) piece.root = inner.root();
    }

    // Moves range_ past the piece. A piece that does not start aligned (only with batch sizes
    // that are not a multiple of kPiece) gets its roots here, one leaf at a time.
    void advance(BatchWork::Piece& piece) {
        piece.before = range_;
        if (piece.aligned && piece.end - piece.begin == kPiece) {
            range_.appendSubtree(piece.root, kPieceLevel);
            return;
        }
        for (size_t p = piece.begin; p < piece.end; ++p) {
            range_.append(work_.leaf[p]);
            if (!piece.aligned && work_.needRoot[p]) work_.root[p] = range_.root();
        }
    }

    // The origin the checkpoints must name, from entry 0, before the first batch's checkpoints
    // are compared (the walk checks entry 0 itself and stops there if it is wrong).
    void noteOrigin(const EntryBatch& batch, uint64_t base) {
        if (base != 0 || batch.size() == 0 || batch.indexes[0] != 0 || !work_.valid[0] ||
            work_.kind[0] != EntryKind::RegisterCreated)
            return;
        try {
            const std::string origin = entryString(validateEntry(batch.entry(0)), "origin");
            // A checkpoint body made with it must parse back to it (Checkpoint::parse).
            if (!origin.empty() && origin.find('\n') == std::string::npos) origin_ = origin;
        } catch (const RecordsError&) {
        }
    }

    void finishPiece(const BatchWork::Piece& piece, uint64_t base) {
        std::string body;  // reused: no allocation per checkpoint
        for (size_t p = piece.begin; p < piece.end; ++p) {
            if (!work_.needRoot[p]) continue;
            if (piece.aligned) work_.root[p] = piece.before.rootWith(work_.root[p]);
            if (PendingCheckpoint* c = work_.checkpointAt[p])
                compareCheckpoint(*c, base + p + 1, work_.root[p], body);
        }
    }

    // The fast comparison: is the stored text exactly a note over the checkpoint this tree
    // would have? Anything else goes the slow way, through parseCheckpoint, in the walk.
    void compareCheckpoint(PendingCheckpoint& c, uint64_t size, const Hash& root,
                           std::string& body) const {
        if (c.readError || origin_.empty()) return;
        unsigned char root64[48];
        const int rootLength = EVP_EncodeBlock(root64, root.data(), static_cast<int>(root.size()));
        char digits[24];
        const auto sizeEnd = std::to_chars(digits, digits + sizeof digits, size).ptr;
        body.assign(origin_);
        body += '\n';
        body.append(digits, sizeEnd);
        body += '\n';
        body.append(reinterpret_cast<const char*>(root64), static_cast<size_t>(rootLength));
        body += '\n';
        c.matchesTree = isNoteWithBody(c.text(), body);
    }

    // ---- the walk in index order ----

    void walk(const EntryBatch& batch, size_t p, uint64_t& lastCheckpoint) {
        const uint64_t index = batch.indexes[p];
        if (index != report_.entries)
            throw Finding{report_.entries, "entry " + std::to_string(report_.entries) +
                                               " is missing (the next stored entry is " +
                                               std::to_string(index) + "): entries were deleted"};
        checkEntry(batch, p);
        if (options_.onEntry) options_.onEntry(index, batch.entry(p));
        ++report_.entries;
        if (externalSizes_.contains(report_.entries)) roots_[report_.entries] = work_.root[p];
        if (hasPending() && front().size < report_.entries)
            throw Finding{std::nullopt, "checkpoint for size " + std::to_string(front().size) +
                                            " is out of order"};
        if (hasPending() && front().size == report_.entries) {
            checkCheckpoint(front(), work_.root[p]);
            lastCheckpoint = report_.entries;
            lastChecked_.assign(front().text());
            ++pendingHead_;
            raiseFrontReadError();
        }
        // After the checkpoint: an altered entry is reported as such, and only an entry that
        // matches its signed tree but not the stored one points at the stored tree.
        if (!batch.stored.empty()) checkStoredLeaf(batch.stored[p], index, work_.leaf[p]);
        source_.onLeaf(index, work_.leaf[p]);
    }

    void raiseFrontReadError() {
        if (hasPending() && front().readError) throw Finding(*front().readError);
    }

    // The stored tree (used for proofs) must agree with the entries too.
    static void checkStoredLeaf(const detail::StoredLeaf& stored, uint64_t index,
                                const Hash& leaf) {
        if (!stored.present || stored.index != index || !stored.wellFormed || stored.hash != leaf)
            throw Finding{index, "the stored Merkle tree's leaf " + std::to_string(index) +
                                     " does not match entry " + std::to_string(index) +
                                     ": proofs printed from this register would be wrong"};
    }

    void checkEntry(const EntryBatch& batch, size_t p) {
        const uint64_t index = batch.indexes[p];
        if (!work_.valid[p]) {
            std::string why = "it breaks a rule of the entry format";
            try {
                validateEntry(batch.entry(p));
            } catch (const RecordsError& e) {
                why = e.what();
            }
            throw Finding{index,
                          "entry " + std::to_string(index) + " is not a valid entry: " + why};
        }
        const std::string& kind = work_.kind[p];
        if (index == 0) {
            if (kind != EntryKind::RegisterCreated)
                throw Finding{0, "entry 0 is \"" + kind +
                                     "\", not register-created: the start of the log was replaced"};
            const EntryFields fields = validateEntry(batch.entry(p));
            report_.origin = entryString(fields, "origin");
            addKey(entryString(fields, "vkey"), 0);
        } else if (kind == EntryKind::KeyRotated) {
            const EntryFields fields = validateEntry(batch.entry(p));
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

    void checkCheckpoint(const PendingCheckpoint& p, const Hash& treeRoot) {
        ++report_.checkpoints;
        const uint64_t size = p.size;
        const bool cosigned = cosignatures_.contains(size);
        const bool mustVerify = options_.allSignatures || isLastOfItsKey(size) || cosigned;
        // Its text is the note of the recomputed tree (compareCheckpoint): nothing else to see.
        if (p.matchesTree && !mustVerify) return;
        const ParsedCheckpoint parsed = parseCheckpoint(p.text());
        std::string where = "checkpoint " + std::to_string(size);
        if (!parsed.parseError.empty())
            throw Finding{std::nullopt, where + " is malformed: " + parsed.parseError};
        const SignedNote& note = parsed.note;
        const Checkpoint& c = parsed.checkpoint;
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
        if (mustVerify) queueSignature(size, note);
        if (cosigned) ++report_.cosignedCheckpoints;
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
    BatchWork work_;
    std::vector<PendingCheckpoint> pending_;  // read ahead, in source order, from pendingHead_
    size_t pendingHead_ = 0;
    std::string origin_;       // entry 0's, for compareCheckpoint
    std::string lastChecked_;  // the text of the latest checkpoint checked against the tree
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
        source = detail::openSource(path);
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
           " stored, each matches the tree at its size\n";
    // One line saying which signatures were checked: an auditor must see what was skipped.
    const std::string verified =
        ": " + std::to_string(signaturesChecked) + " Ed25519 signatures verified";
    if (everySignature)
        out += "signatures: all " + std::to_string(checkpoints) + " checkpoints" + verified + "\n";
    else
        out += "signatures: latest checkpoint, last of each key, " +
               std::to_string(cosignedCheckpoints) + " cosigned" + verified +
               " (--all-signatures checks all " + std::to_string(checkpoints) + ")\n";
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