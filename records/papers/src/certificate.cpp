#include "massho/records/papers/certificate.h"

#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/note.h"
#include "massho/records/register/proof.h"

namespace massho::records {
namespace {

bool isCertificateFor(const std::string& bytes, uint64_t index) {
    // Cheap filter before parsing: only certificate-issued entries can match.
    if (!entryHasKind(bytes, EntryKind::CertificateIssued)) return false;
    const EntryFields fields = parseEntry(bytes);
    auto it = fields.find("entry");
    return it != fields.end() && std::holds_alternative<int64_t>(it->second) &&
           std::get<int64_t>(it->second) == static_cast<int64_t>(index);
}

}  // namespace

bool Certificate::isDestruction() const {
    return entryText(fields, "kind") == EntryKind::MediumDestroyed;
}

std::string Certificate::payload() const {
    return entryBytes + "\n" + proofText;
}

void requireCertifiable(const EntryFields& fields, uint64_t index) {
    const std::string kind = entryText(fields, "kind");
    const std::string at = "entry " + std::to_string(index);
    if (kind == EntryKind::MediumDestroyed)
        return;  // witnessed when recorded (MediaLedger::destroy)
    if (kind != EntryKind::Erasure)
        throw CertificateRefused(at +
                                 " is not an erasure or a destruction: certificates are issued "
                                 "only for those entries (see massho register show " +
                                 std::to_string(index) + ")");
    auto result = fields.find("result");
    const std::string value =
        result != fields.end() && std::holds_alternative<std::string>(result->second)
            ? std::get<std::string>(result->second)
            : "unknown";
    if (value != "erased")
        throw CertificateRefused(at + " records an erasure that " +
                                 (value == "cancelled" ? std::string("was cancelled")
                                                       : "did not succeed (" + value + ")") +
                                 ": no certificate is issued; erase the medium again");
}

int64_t certificatesIssuedFor(const Register& log, uint64_t index) {
    int64_t count = 0;
    const std::string key = std::to_string(index);  // entry_keys.h: read those entries only
    log.forEachKeyed(entry_key::CertificateFor, key, key, [&](uint64_t, const std::string& bytes) {
        if (isCertificateFor(bytes, index)) ++count;
    });
    return count;
}

std::string proofWithCosignatures(const Register& log, uint64_t index) {
    TlogProof proof = TlogProof::parse(log.proof(index));
    const uint64_t size = Checkpoint::parse(parseNote(proof.checkpointNote).body).size;
    for (const auto& [cosignedSize, line] : log.cosignatures())
        if (cosignedSize == size)
            proof.checkpointNote = addSignatureLine(proof.checkpointNote, line);
    return proof.text();
}

Certificate prepareCertificate(const Register& log, const std::string& origin, uint64_t index,
                               const std::string& issuedBy, const Clock& clock) {
    if (index >= log.size())
        throw RecordsError("there is no entry " + std::to_string(index) + ": the register has " +
                           std::to_string(log.size()) + " entries");
    Certificate c;
    c.index = index;
    c.entryBytes = log.entry(index);
    c.fields = parseEntry(c.entryBytes);
    requireCertifiable(c.fields, index);
    c.proofText = proofWithCosignatures(log, index);
    c.origin = origin;
    c.issue = certificatesIssuedFor(log, index) + 1;
    c.number = std::to_string(index) + "-" + std::to_string(c.issue);
    c.issuedAt = formatRfc3339(clock());
    c.issuedBy = issuedBy;
    return c;
}

}  // namespace massho::records
