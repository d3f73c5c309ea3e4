#include "massho/records/ledger/medium.h"

#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

std::string text(const EntryFields& f, const std::string& key) {
    auto it = f.find(key);
    if (it == f.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    throw EntryFormatError("ledger field '" + key + "' should be text");
}

int64_t number(const EntryFields& f, const std::string& key, int64_t fallback = 0) {
    auto it = f.find(key);
    if (it == f.end()) return fallback;
    if (const auto* i = std::get_if<int64_t>(&it->second)) return *i;
    throw EntryFormatError("ledger field '" + key + "' should be an integer");
}

std::optional<uint64_t> optionalIndex(const EntryFields& f, const std::string& key) {
    if (!f.contains(key)) return std::nullopt;
    return static_cast<uint64_t>(number(f, key));
}

void setText(EntryFields& f, const std::string& key, const std::string& value) {
    if (!value.empty()) f[key] = value;
}

MediaState stateField(const EntryFields& f) {
    auto s = parseMediaState(text(f, "state"));
    if (!s) throw EntryFormatError("ledger row has an unknown state '" + text(f, "state") + "'");
    return *s;
}

}  // namespace

EntryFields toFields(const Medium& m) {
    EntryFields f;
    f["tag"] = m.tag;
    f["class"] = int64_t{m.infoClass};
    f["my_number"] = int64_t{m.myNumber ? 1 : 0};
    setText(f, "media_type", m.mediaType);
    setText(f, "manufacturer", m.manufacturer);
    setText(f, "model", m.model);
    setText(f, "serial", m.serial);
    f["size_bytes"] = m.sizeBytes;
    setText(f, "device_path", m.devicePath);
    setText(f, "section", m.section);
    setText(f, "data_manager", m.dataManager);
    setText(f, "location", m.location);
    setText(f, "lessor", m.lessor);
    setText(f, "lease_contract", m.leaseContract);
    setText(f, "lease_return", m.leaseReturn);
    setText(f, "notes", m.notes);
    f["state"] = std::string(toString(m.state));
    f["write_protected"] = int64_t{m.writeProtected ? 1 : 0};
    setText(f, "locked_by", m.lockedBy);
    f["registered"] = m.registered;
    f["changed"] = m.changed;
    f["registered_entry"] = static_cast<int64_t>(m.registeredEntry);
    f["last_entry"] = static_cast<int64_t>(m.lastEntry);
    if (m.lastErasureEntry) f["last_erasure_entry"] = static_cast<int64_t>(*m.lastErasureEntry);
    setText(f, "last_erasure_purpose", m.lastErasurePurpose);
    if (m.carryOutEntry) f["carry_out_entry"] = static_cast<int64_t>(*m.carryOutEntry);
    return f;
}

Medium mediumFromFields(const EntryFields& f) {
    Medium m;
    m.tag = text(f, "tag");
    m.infoClass = static_cast<int>(number(f, "class", 4));
    m.myNumber = number(f, "my_number") != 0;
    m.mediaType = text(f, "media_type");
    m.manufacturer = text(f, "manufacturer");
    m.model = text(f, "model");
    m.serial = text(f, "serial");
    m.sizeBytes = number(f, "size_bytes");
    m.devicePath = text(f, "device_path");
    m.section = text(f, "section");
    m.dataManager = text(f, "data_manager");
    m.location = text(f, "location");
    m.lessor = text(f, "lessor");
    m.leaseContract = text(f, "lease_contract");
    m.leaseReturn = text(f, "lease_return");
    m.notes = text(f, "notes");
    m.state = stateField(f);
    m.writeProtected = number(f, "write_protected") != 0;
    m.lockedBy = text(f, "locked_by");
    m.registered = text(f, "registered");
    m.changed = text(f, "changed");
    m.registeredEntry = static_cast<uint64_t>(number(f, "registered_entry"));
    m.lastEntry = static_cast<uint64_t>(number(f, "last_entry"));
    m.lastErasureEntry = optionalIndex(f, "last_erasure_entry");
    m.lastErasurePurpose = text(f, "last_erasure_purpose");
    m.carryOutEntry = optionalIndex(f, "carry_out_entry");
    return m;
}

EntryFields toFields(const MediumEvent& e) {
    EntryFields f;
    f["index"] = static_cast<int64_t>(e.index);
    f["tag"] = e.tag;
    f["kind"] = e.kind;
    f["time"] = e.time;
    f["state"] = std::string(toString(e.state));
    setText(f, "by", e.by);
    setText(f, "summary", e.summary);
    return f;
}

MediumEvent eventFromFields(const EntryFields& f) {
    MediumEvent e;
    e.index = static_cast<uint64_t>(number(f, "index"));
    e.tag = text(f, "tag");
    e.kind = text(f, "kind");
    e.time = text(f, "time");
    e.state = stateField(f);
    e.by = text(f, "by");
    e.summary = text(f, "summary");
    return e;
}

}  // namespace massho::records
