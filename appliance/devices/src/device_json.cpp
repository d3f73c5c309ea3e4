#include "massho/appliance/device_json.h"

#include <cstdio>

namespace massho::appliance {
namespace {

// Length of the valid UTF-8 sequence starting at text[i] (RFC 3629 section 4), 0 when invalid.
size_t utf8SequenceLength(const std::string& text, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    size_t length = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    if (length == 2 && lead < 0xC2) return 0;                          // overlong
    if (length == 3 && lead == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
    if (length == 3 && lead == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogates
    if (length == 4 && lead == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
    if (length == 4 && (lead > 0xF4 || (lead == 0xF4 && byte(i + 1) >= 0x90))) return 0;
    return length;
}

// RFC 8259 section 7; bytes that are not UTF-8 (a loop backing file name can be anything)
// become U+FFFD so that the output is always valid JSON.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else if (c >= 0x80) {
            size_t length = utf8SequenceLength(text, i);
            if (length == 0) {
                out += "\\ufffd";
                ++i;
                continue;
            }
            out.append(text, i, length);
            i += length;
            continue;
        } else {
            out += static_cast<char>(c);
        }
        ++i;
    }
    return out + "\"";
}

class ObjectWriter {
  public:
    ObjectWriter& field(const char* key, const std::string& value) {
        return raw(key, quoted(value));
    }
    ObjectWriter& field(const char* key, bool value) { return raw(key, value ? "true" : "false"); }
    ObjectWriter& field(const char* key, uint64_t value) { return raw(key, std::to_string(value)); }
    ObjectWriter& raw(const char* key, const std::string& json) {
        out_ += (out_.empty() ? "{" : ",") + quoted(key) + ":" + json;
        return *this;
    }
    std::string done() const { return out_.empty() ? "{}" : out_ + "}"; }

  private:
    std::string out_;
};

std::string partitionJson(const Partition& p) {
    return ObjectWriter()
        .field("path", p.path)
        .field("name", p.name)
        .field("dev", p.devNumber)
        .field("fs_type", p.fsType)
        .field("label", p.label)
        .field("uuid", p.uuid)
        .field("size_bytes", p.sizeBytes)
        .field("mounted", p.mounted)
        .field("mount_point", p.mountPoint)
        .done();
}

std::string stringArray(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) out += (out.size() > 1 ? "," : "") + quoted(item);
    return out + "]";
}

std::string ataJson(const erase::sanitize::DriveCapabilities& c) {
    const erase::sanitize::AtaIdentity& a = *c.ata;
    ObjectWriter w;
    w.field("model", a.model)
        .field("serial", a.serial)
        .field("firmware", a.firmware)
        .field("sectors", a.userSectors)
        .field("security_supported", a.securitySupported)
        .field("security_enabled", a.securityEnabled)
        .field("security_locked", a.securityLocked)
        .field("security_frozen", a.securityFrozen)
        .field("enhanced_erase_supported", a.enhancedEraseSupported)
        .field("sanitize_supported", a.sanitizeSupported)
        .field("sanitize_crypto_scramble", a.cryptoScrambleSupported)
        .field("sanitize_block_erase", a.blockEraseSupported)
        .field("sanitize_overwrite", a.overwriteSupported)
        .field("hpa_present", c.hpaPresent)
        .field("dco_present", c.dcoPresent);
    if (a.normalEraseMinutes) w.field("erase_minutes", uint64_t{*a.normalEraseMinutes});
    if (a.enhancedEraseMinutes)
        w.field("enhanced_erase_minutes", uint64_t{*a.enhancedEraseMinutes});
    if (c.nativeMaxLba) w.field("native_max_lba", *c.nativeMaxLba);
    return w.done();
}

std::string nvmeJson(const erase::sanitize::DriveCapabilities& c) {
    const erase::sanitize::NvmeController& n = *c.nvme;
    ObjectWriter w;
    w.field("model", n.model)
        .field("serial", n.serial)
        .field("oacs", uint64_t{n.oacs})
        .field("fna", uint64_t{n.fna})
        .field("sanicap", uint64_t{n.sanicap})
        .field("format_supported", n.formatSupported)
        .field("format_crypto_erase", n.cryptoEraseSupported)
        .field("sanitize_crypto", n.sanitizeCrypto)
        .field("sanitize_block", n.sanitizeBlock)
        .field("sanitize_overwrite", n.sanitizeOverwrite)
        .field("namespaces", uint64_t{n.namespaceCount});
    if (c.nvmeNamespace) w.field("lba_bytes", uint64_t{c.nvmeNamespace->blockBytes});
    return w.done();
}

// The `capabilities` object of `massho devices --json`.
std::string capabilitiesJson(const erase::sanitize::DriveCapabilities& c) {
    ObjectWriter w;
    w.field("interface", c.interface).raw("methods", stringArray(c.methods));
    w.field("blocked", c.blocked).field("hidden_area", c.hiddenArea).field("note", c.note);
    if (c.ata) w.raw("ata", ataJson(c));
    if (c.nvme) w.raw("nvme", nvmeJson(c));
    if (c.interface == "scsi") {
        w.raw("scsi", ObjectWriter()
                          .field("sanitize_crypto", c.scsiSanitizeCrypto)
                          .field("sanitize_block", c.scsiSanitizeBlock)
                          .field("sanitize_overwrite", c.scsiSanitizeOverwrite)
                          .done());
    }
    return w.done();
}

}  // namespace

std::string toJson(const BlockDevice& d) {
    std::string partitions = "[";
    for (const Partition& p : d.partitions) {
        partitions += (partitions.size() > 1 ? "," : "") + partitionJson(p);
    }
    partitions += "]";
    return ObjectWriter()
        .field("path", d.path)
        .field("name", d.name)
        .field("dev", d.devNumber)
        .field("model", d.model)
        .field("vendor", d.vendor)
        .field("serial", d.serial)
        .field("size_bytes", d.sizeBytes)
        .field("logical_sector", uint64_t{d.logicalSector})
        .field("physical_sector", uint64_t{d.physicalSector})
        .field("transport", d.transport)
        .field("media_type", d.mediaType)
        .field("rotational", d.rotational)
        .field("removable", d.removable)
        .field("readonly", d.readOnly)
        .field("whole_disk", d.wholeDisk)
        .field("partition_table", d.partitionTable)
        .field("fs_type", d.fsType)
        .field("backing_file", d.backingFile)
        .field("system", d.system)
        .field("mounted", d.mounted)
        .field("held", d.held)
        .field("eligible", d.eligible)
        .field("reason", d.reason)
        .raw("partitions", partitions)
        .raw("capabilities", capabilitiesJson(d.capabilities))
        .done();
}

std::string toJson(const std::vector<BlockDevice>& devices) {
    std::string out = "[";
    for (const BlockDevice& d : devices) out += (out.size() > 1 ? "," : "") + toJson(d);
    return out + "]";
}

}  // namespace massho::appliance
