#include "massho/records/register/export.h"

#include <fstream>
#include <system_error>

#include "massho/records/register/errors.h"

namespace massho::records {
namespace fs = std::filesystem;
namespace {

constexpr uint64_t kTileWidth = 256;  // C2SP tlog-tiles: tile height 8

const char* kReadme =
    "Massho register export (C2SP tlog-tiles layout).\n"
    "checkpoint: the latest signed checkpoint (C2SP tlog-checkpoint v1.0.0, signed note v1).\n"
    "tile/entries/...: entry bundles; each entry is a 2-byte big-endian length and its exact\n"
    "  canonical JSON bytes; leaf hash = SHA-256(0x00 || entry) (RFC 6962).\n"
    "tile/<L>/...: Merkle tree hashes, 256 per full tile, '.p/<W>' for a partial tile.\n"
    "register.vkey: the signed-note verifier key(s).\n"
    "massho-checkpoints: every checkpoint ever signed, each as '<byte length>\\n<note>'.\n"
    "massho-cosignatures: witness cosignatures, '<tree size> <signature line>'.\n"
    "Verify with: massho register verify --vkey YOUR_COPY_OF_register.vkey THIS_FOLDER\n";

class Writer {
  public:
    explicit Writer(fs::path root) : root_(std::move(root)) {}

    void write(const fs::path& relative, const std::string& bytes) {
        fs::path file = root_ / relative;
        fs::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            throw RecordsError("cannot write " + file.string() + ": check space and permissions");
        ++files_;
    }
    uint64_t files() const { return files_; }

  private:
    fs::path root_;
    uint64_t files_ = 0;
};

std::string tileName(const std::string& level, uint64_t tile, uint64_t width) {
    std::string name = "tile/" + level + "/" + tilePath(tile);
    if (width < kTileWidth) name += ".p/" + std::to_string(width);
    return name;
}

void exportEntries(const Register& log, uint64_t size, Writer& out) {
    std::string bundle;
    uint64_t inBundle = 0, tile = 0;
    log.forEach([&](uint64_t index, const std::string& bytes) {
        if (index >= size) return;
        bundle.push_back(static_cast<char>(bytes.size() >> 8));
        bundle.push_back(static_cast<char>(bytes.size() & 0xff));
        bundle += bytes;
        if (++inBundle == kTileWidth) {
            out.write(tileName("entries", tile++, kTileWidth), bundle);
            bundle.clear();
            inBundle = 0;
        }
    });
    if (inBundle) out.write(tileName("entries", tile, inBundle), bundle);
}

void exportHashTiles(const Register& log, uint64_t size, Writer& out) {
    for (unsigned level = 0;; ++level) {
        unsigned height = 8 * level;
        if (height >= 64) break;
        uint64_t nodes = size >> height;
        if (nodes == 0) break;
        Statement select(
            log.database(),
            "SELECT idx, hash FROM tree_nodes WHERE level = ? AND idx < ? ORDER BY idx");
        select.bind(1, int64_t{height}).bind(2, static_cast<int64_t>(nodes));
        std::string tile;
        uint64_t expected = 0;
        while (select.step()) {
            if (static_cast<uint64_t>(select.integer(0)) != expected++)
                throw RecordsError("the stored Merkle tree has a gap: run massho register verify");
            tile += select.blob(1);
            if (tile.size() == 32 * kTileWidth) {
                out.write(tileName(std::to_string(level), expected / kTileWidth - 1, kTileWidth),
                          tile);
                tile.clear();
            }
        }
        if (expected != nodes)
            throw RecordsError("the stored Merkle tree is incomplete: run massho register verify");
        if (!tile.empty())
            out.write(tileName(std::to_string(level), nodes / kTileWidth, tile.size() / 32), tile);
    }
}

}  // namespace

std::string tilePath(uint64_t index) {
    std::string digits = std::to_string(index);
    digits.insert(0, (3 - digits.size() % 3) % 3, '0');
    std::string out;
    for (size_t i = 0; i < digits.size(); i += 3) {
        if (i) out.push_back('/');
        if (i + 3 < digits.size()) out.push_back('x');
        out += digits.substr(i, 3);
    }
    return out;
}

ExportResult exportRegister(const Register& log, const std::string& vkeys, const fs::path& outdir) {
    std::error_code ec;
    if (fs::exists(outdir, ec) && !fs::is_empty(outdir, ec))
        throw RecordsError(outdir.string() + " is not empty: export into a new or empty folder");
    fs::create_directories(outdir, ec);
    if (ec) throw RecordsError("cannot create " + outdir.string() + ": " + ec.message());

    // One read transaction: the export is a consistent snapshot even while entries are appended.
    log.database().exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
    } endRead{log.database()};

    std::string latest = log.checkpoint();
    uint64_t size = Checkpoint::parse(parseNote(latest).body).size;
    Writer out(outdir);
    exportEntries(log, size, out);
    exportHashTiles(log, size, out);

    std::string all;
    Statement notes(log.database(), "SELECT note FROM checkpoints ORDER BY size");
    while (notes.step()) {
        std::string note = notes.blob(0);
        all += std::to_string(note.size()) + "\n" + note;
    }
    out.write("massho-checkpoints", all);
    std::string cosigs;
    for (const auto& [cosize, line] : log.cosignatures())
        cosigs += std::to_string(cosize) + " " + line;
    out.write("massho-cosignatures", cosigs);
    out.write("register.vkey", vkeys.ends_with('\n') ? vkeys : vkeys + "\n");
    out.write("README.txt", kReadme);
    out.write("checkpoint", latest);  // last: its presence marks a complete export
    return {size, out.files()};
}

}  // namespace massho::records
