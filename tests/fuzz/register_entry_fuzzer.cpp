// libFuzzer: the register entry reader (canonical JSON, RFC 8785 profile). Every entry an auditor
// verifies passes through parseEntry, including entries of a register copied off a hostile disk.
// Contract: any bytes are either the one canonical serialisation of some fields (and then
// serialising those fields gives back exactly the bytes) or refused with a RecordsError.
// Anything else (a crash, a sanitizer report, another exception) is a finding.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace massho::records;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const EntryFields fields = parseEntry(bytes);
        if (serializeEntry(fields) != bytes) std::abort();  // parsed, yet not canonical
        (void)entryHasKind(bytes, EntryKind::Erasure);
        (void)entryText(fields, "kind");
    } catch (const RecordsError&) {
    }
    return 0;
}
