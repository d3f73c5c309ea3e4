#include "massho/records/ledger/evidence_store.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/records/register/durable_file.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace fs = std::filesystem;
namespace {

std::string readBounded(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || !fs::is_regular_file(file, ec))
        throw UserError("cannot read evidence file " + file.string() + ": give a photo file");
    if (size > EvidenceStore::kMaxBytes)
        throw UserError("evidence file " + file.string() + " is larger than 32 MiB: reduce it");
    std::ifstream in(file, std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    if (!in && !in.eof()) throw UserError("cannot read evidence file " + file.string());
    return bytes;
}

}  // namespace

EvidenceStore::EvidenceStore(const fs::path& dataDir) : dir_(dataDir / "evidence") {}

fs::path EvidenceStore::pathFor(const std::string& sha256) const {
    return dir_ / sha256;
}

std::string EvidenceStore::add(const fs::path& file) const {
    const std::string bytes = readBounded(file);
    std::string hash = base::sha256Hex(bytes);
    std::error_code ec;
    fs::create_directories(dir_, ec);
    fs::permissions(dir_, fs::perms::owner_all, ec);
    const fs::path target = pathFor(hash);
    if (fs::exists(target, ec)) return hash;
    // Durably before an entry names it: a power failure must not leave evidence the register
    // refers to empty.
    try {
        writeFileDurably(target, bytes, 0600);
    } catch (const std::runtime_error& e) {
        throw StoreError(std::string(e.what()) + ": check free space");
    }
    return hash;
}

}  // namespace massho::records
