#pragma once

// What the register files each entry under, so that the daily read paths find their entries
// without reading the register: table entry_keys (schema version 8; more keys in 10), one row per
// key, written by Register::append in the entry's own transaction and, for entries older than
// version 8, by that version's migration with the same rules in SQL (schema.cpp). Append-only like
// entries.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

struct EntryKey {
    std::string name;
    std::string value;
};

namespace entry_key {
// certificate-issued: the certified entry's index in decimal ("entry").
inline constexpr const char* CertificateFor = "certificate-for";
// erasure: when it ended, RFC 3339 UTC as recorded ("ended"); a day's or a year's erasures.
inline constexpr const char* ErasureEnded = "erasure-ended";
// erasure: the approval request it used ("request").
inline constexpr const char* ErasureRequest = "erasure-request";
// Since schema version 10, for carry-in's match (Art. 13(9)-(10)):
// carry-out: the medium's serial as recorded ("device_serial"; whatever its result).
inline constexpr const char* CarryOutSerial = "carry-out-serial";
// carry-out: the FAT volume serial of the written medium ("volume_id"), for a medium without a
// serial.
inline constexpr const char* CarryOutVolume = "carry-out-volume";
// carry-in: the index in decimal of the carry-out it returned ("carry_out_index").
inline constexpr const char* CarryInFor = "carry-in-for";
}  // namespace entry_key

// The schema version from which a file has every entry filed under `name` (8 or 10): an older
// file opened read-only (never migrated) lacks them.
int keyFiledSince(std::string_view name);

// The keys of one entry's canonical bytes (none for most kinds). A key whose field is missing or
// of the other type (text vs integer) is not filed, as the migration's json_type checks do.
std::vector<EntryKey> entryKeys(std::string_view entryBytes);

}  // namespace massho::records
