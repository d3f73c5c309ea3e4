#include "massho/records/register/entry_keys.h"

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"

namespace massho::records {
namespace {

void fileText(std::vector<EntryKey>& out, const EntryFields& f, const char* field,
              const char* name) {
    auto it = f.find(field);
    if (it != f.end() && std::holds_alternative<std::string>(it->second))
        out.push_back({name, std::get<std::string>(it->second)});
}

void fileInteger(std::vector<EntryKey>& out, const EntryFields& f, const char* field,
                 const char* name) {
    auto it = f.find(field);
    if (it != f.end() && std::holds_alternative<int64_t>(it->second))
        out.push_back({name, std::to_string(std::get<int64_t>(it->second))});
}

}  // namespace

std::vector<EntryKey> entryKeys(std::string_view bytes) {
    std::vector<EntryKey> out;
    // Most entries have no key: decide by the kind before parsing (entry_kind.h).
    const bool certificate = entryHasKind(bytes, EntryKind::CertificateIssued);
    const bool erasure = !certificate && entryHasKind(bytes, EntryKind::Erasure);
    if (!certificate && !erasure) return out;
    const EntryFields f = parseEntry(bytes);
    if (certificate) fileInteger(out, f, "entry", entry_key::CertificateFor);
    if (erasure) {
        fileText(out, f, "ended", entry_key::ErasureEnded);
        fileText(out, f, "request", entry_key::ErasureRequest);
    }
    return out;
}

}  // namespace massho::records
