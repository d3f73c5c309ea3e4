#include "verify_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "massho/base/regular_file.h"
#include "massho/records/register/database.h"
#include "massho/records/register/decimal.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/export.h"
#include "massho/records/register/note.h"

namespace massho::records::detail {
namespace fs = std::filesystem;
namespace {

// Bounds on what is read whole: a signed note is at most 1 MiB (note.cpp), and so is a verifier key
// file (the command line's bound). The lists of every checkpoint and every cosignature grow by one
// note of about 300 bytes per append: 1 GiB holds some 3.5 million.
constexpr size_t kMaxNoteFile = size_t{1} << 20;
constexpr size_t kMaxListFile = size_t{1} << 30;
// A hash tile: at most 256 hashes of 32 bytes.
constexpr size_t kMaxTileBytes = 256 * 32;
// An entry bundle: 256 entries of at most 65,535 bytes, each after its 2-byte length (tlog-tiles).
constexpr size_t kMaxBundleBytes = 256 * (2 + 65535);

// Whether `file` is there at all, as a name in its folder: a symlink loop, a dangling link or a
// file that cannot be opened is there, and reading it says what is wrong (fs::exists would call
// a symlink loop absent, and an export's checkpoint list would then be skipped unnoticed).
bool present(const fs::path& file) {
    struct stat st {};
    return ::lstat(file.c_str(), &st) == 0 || errno != ENOENT;
}

// A file of an export (or a data directory's register.vkey), read whole. Anything there but a
// regular file within its bound was not written by `register export`: a finding naming the path
// and what belongs there, never a stream exception, a wait on a FIFO or an allocation as large as
// the file claims.
std::string readRegisterFile(const fs::path& file, const std::string& holds, size_t maxBytes) {
    using Problem = base::RegularFileRead::Problem;
    base::RegularFileRead read = base::readRegularFile(file.string(), maxBytes);
    std::string what;
    switch (read.problem) {
        case Problem::None:
            return std::move(read.bytes);
        case Problem::CannotOpen:
            what = read.error == ENOENT
                       ? " is missing"
                       : std::string(" cannot be opened (") + std::strerror(read.error) + ")";
            break;
        case Problem::Folder:
            what = " is a folder, not a file";
            break;
        case Problem::NotRegular:
            what = " is not a regular file (a pipe, a device or a socket), so it was not read";
            break;
        case Problem::TooLarge:
            what = " is larger than " + groupedDecimal(maxBytes) + " bytes";
            break;
        case Problem::ReadFailed:
            what = std::string(" cannot be read (") + std::strerror(read.error) + ")";
            break;
    }
    throw Finding{std::nullopt, file.string() + what + ": it should hold " + holds +
                                    "; the copy was altered or damaged (export the register "
                                    "again, or verify the original)"};
}

class DatabaseSource : public Source {
  public:
    explicit DatabaseSource(const fs::path& file)
        : dir_(file.parent_path()),
          db_(file, Database::Mode::ReadOnly),
          entries_(db_, "SELECT idx, bytes FROM entries ORDER BY idx"),
          leaves_(db_, "SELECT idx, hash FROM tree_nodes WHERE level = 0 ORDER BY idx"),
          checkpoints_(db_, "SELECT size, note FROM checkpoints ORDER BY size") {
        // No memory map: its pages would count against the process (a million entries mapped
        // cost 588 MB); SQLite's page cache stays small and the kernel's does the caching.
        db_.exec("BEGIN");  // one snapshot for the whole check
    }
    bool nextEntry(uint64_t& index, std::string_view& bytes) override {
        if (!entries_.step()) return false;
        index = static_cast<uint64_t>(entries_.integer(0));
        bytes = entries_.blobView(1);
        return true;
    }
    bool nextCheckpoint(uint64_t& size, std::string_view& note) override {
        if (!checkpoints_.step()) return false;
        size = static_cast<uint64_t>(checkpoints_.integer(0));
        note = checkpoints_.blobView(1);
        return true;
    }
    // The stored tree (used for proofs) must agree with the entries too.
    bool storesLeaves() const override { return true; }
    StoredLeaf nextStoredLeaf() override {
        if (!leaves_.step()) return {};
        StoredLeaf leaf{true, static_cast<uint64_t>(leaves_.integer(0)), false, {}};
        const std::string_view hash = leaves_.blobView(1);
        leaf.wellFormed = hash.size() == leaf.hash.size();
        if (leaf.wellFormed) std::copy(hash.begin(), hash.end(), leaf.hash.begin());
        return leaf;
    }
    std::vector<std::pair<uint64_t, std::string>> cosignatures() override {
        Statement s(db_, "SELECT size, line FROM cosignatures ORDER BY size");
        std::vector<std::pair<uint64_t, std::string>> out;
        while (s.step()) out.emplace_back(static_cast<uint64_t>(s.integer(0)), s.text(1));
        return out;
    }
    std::optional<std::string> ownVkey() override {
        if (!present(dir_ / "register.vkey")) return std::nullopt;
        return readRegisterFile(dir_ / "register.vkey", "the verifier key(s)", kMaxNoteFile);
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
        latest_ =
            readRegisterFile(dir_ / "checkpoint", "the latest signed checkpoint", kMaxNoteFile);
        size_ = Checkpoint::parse(parseNote(latest_).body).size;
        if (present(dir_ / "massho-checkpoints"))
            all_ = readRegisterFile(dir_ / "massho-checkpoints", "every checkpoint signed",
                                    kMaxListFile);
        else
            all_ = std::to_string(latest_.size()) + "\n" + latest_;
        // No reserve(size_): the size is the checkpoint's claim, read before anything is checked.
    }
    bool nextEntry(uint64_t& index, std::string_view& bytes) override {
        if (next_ >= size_) return false;
        if (bundlePos_ >= bundle_.size()) loadBundle();
        if (bundlePos_ + 2 > bundle_.size())
            throw Finding{next_, "entry bundle ends early at entry " + std::to_string(next_)};
        size_t len = (static_cast<unsigned char>(bundle_[bundlePos_]) << 8) |
                     static_cast<unsigned char>(bundle_[bundlePos_ + 1]);
        if (bundlePos_ + 2 + len > bundle_.size())
            throw Finding{next_, "entry bundle ends inside entry " + std::to_string(next_)};
        bytes = std::string_view(bundle_).substr(bundlePos_ + 2, len);
        bundlePos_ += 2 + len;
        index = next_++;
        return true;
    }
    bool nextCheckpoint(uint64_t& size, std::string_view& note) override {
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
        note = std::string_view(all_).substr(eol + 1, *len);
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
        if (!present(dir_ / "massho-cosignatures")) return out;
        std::string text = readRegisterFile(dir_ / "massho-cosignatures",
                                            "the witnesses' cosignatures", kMaxListFile);
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
        if (!present(dir_ / "register.vkey")) return std::nullopt;
        return readRegisterFile(dir_ / "register.vkey", "the verifier key(s)", kMaxNoteFile);
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
                if (!present(dir_ / name) ||
                    readRegisterFile(dir_ / name, "a hash tile", kMaxTileBytes) != expected)
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
        if (!present(dir_ / name))
            throw Finding{next_, "entry bundle " + name + " is missing: the checkpoint in " +
                                     (dir_ / "checkpoint").string() + " claims " +
                                     groupedDecimal(size_) + " entries but the export holds " +
                                     groupedDecimal(entriesHeld()) +
                                     " (entries were deleted, or the checkpoint was altered)"};
        bundle_ =
            readRegisterFile(dir_ / name, "an entry bundle (at most 256 entries)", kMaxBundleBytes);
        bundlePos_ = 0;
    }

    fs::path dir_;
    std::string latest_, all_, bundle_;
    uint64_t size_ = 0, next_ = 0;
    size_t allPos_ = 0, bundlePos_ = 0;
    std::vector<Hash> leaves_;
};

}  // namespace

std::unique_ptr<Source> openSource(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (present(path / "checkpoint")) return std::make_unique<ExportSource>(path);
        if (fs::exists(path / "massho.db", ec))
            return std::make_unique<DatabaseSource>(path / "massho.db");
        throw RecordsError(path.string() +
                           " holds neither a register (massho.db) nor an export (checkpoint)");
    }
    if (fs::exists(path, ec)) return std::make_unique<DatabaseSource>(path);
    throw RecordsError("no register at " + path.string() +
                       ": give a data directory, a massho.db file or an export folder");
}

}  // namespace massho::records::detail
