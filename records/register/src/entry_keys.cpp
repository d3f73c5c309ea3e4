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
    const bool carryOut = !certificate && !erasure && entryHasKind(bytes, EntryKind::CarryOut);
    const bool carryIn =
        !certificate && !erasure && !carryOut && entryHasKind(bytes, EntryKind::CarryIn);
    if (!certificate && !erasure && !carryOut && !carryIn) return out;
    const EntryFields f = parseEntry(bytes);
    if (certificate) fileInteger(out, f, "entry", entry_key::CertificateFor);
    if (erasure) {
        fileText(out, f, "ended", entry_key::ErasureEnded);
        fileText(out, f, "request", entry_key::ErasureRequest);
    }
    // As the migration's json_extract(kind): the top-level kind, not a prefilter's guess.
    const std::string kind = entryText(f, "kind");
    if (carryOut && kind == EntryKind::CarryOut) {
        fileText(out, f, "device_serial", entry_key::CarryOutSerial);
        fileText(out, f, "volume_id", entry_key::CarryOutVolume);
    }
    if (carryIn && kind == EntryKind::CarryIn)
        fileInteger(out, f, "carry_out_index", entry_key::CarryInFor);
    return out;
}

int keyFiledSince(std::string_view name) {
    return name == entry_key::CarryOutSerial || name == entry_key::CarryOutVolume ||
                   name == entry_key::CarryInFor
               ? 10
               : 8;
}

}  // namespace massho::records
