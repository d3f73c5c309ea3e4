#include "massho/records/papers/certificate_payload.h"

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/papers/certificate.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/proof.h"

namespace massho::records {
namespace {

std::string fieldText(const EntryFields& fields, const std::string& key) {
    auto it = fields.find(key);
    if (it == fields.end()) return "—";
    if (const auto* s = std::get_if<std::string>(&it->second)) return s->empty() ? "—" : *s;
    return std::to_string(std::get<int64_t>(it->second));
}

// A payload saved by a scanner may end in "\r\n" or lose/gain one final newline; the note's
// last signature line always ends in exactly one "\n" (C2SP signed-note).
std::string normaliseEnding(std::string_view proof) {
    std::string out(proof);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out + "\n";
}

}  // namespace

CertificatePayload CertificatePayload::parse(std::string_view text) {
    if (text.size() > kMaxPayloadBytes)
        throw CertificateInvalid("the certificate payload is larger than " +
                                 std::to_string(kMaxPayloadBytes) +
                                 " bytes: this is not a Massho QR payload");
    const size_t newline = text.find('\n');
    if (newline == std::string_view::npos || text.substr(0, 1) != "{")
        throw CertificateInvalid(
            "the payload does not start with a register entry line: save the QR text exactly as "
            "scanned (first line = the entry, then the tlog-proof)");
    return {std::string(text.substr(0, newline)), normaliseEnding(text.substr(newline + 1))};
}

VerifiedCertificate verifyCertificatePayload(std::string_view payloadText,
                                             const std::vector<VerifierKey>& vkeys,
                                             const std::vector<VerifierKey>& witnessKeys) {
    const CertificatePayload payload = CertificatePayload::parse(payloadText);
    VerifiedCertificate out;
    try {
        out.fields = parseEntry(payload.entryBytes);
        const EntryProofResult proven =
            verifyEntryProof(payload.entryBytes, payload.proofText, vkeys);
        out.index = TlogProof::parse(payload.proofText).index;
        out.checkpoint = proven.checkpoint;
        out.keyName = proven.keyName;
        const SignedNote note = parseNote(TlogProof::parse(payload.proofText).checkpointNote);
        for (const auto& w : witnessKeys)
            if (verifyCosignature(note, w)) out.witnessesSigned.push_back(w.name());
        requireCertifiable(out.fields, out.index);
    } catch (const CertificateInvalid&) {
        throw;
    } catch (const RecordsError& e) {
        throw CertificateInvalid(std::string("certificate does not verify: ") + e.what());
    }
    out.entryHashHex = base::hexEncode(hashView(leafHash(payload.entryBytes)));
    return out;
}

bool matchesSavedCheckpoint(const VerifiedCertificate& cert, std::string_view checkpointNote,
                            const std::vector<VerifierKey>& vkeys) {
    SignedNote note;
    try {
        note = parseNote(checkpointNote);
    } catch (const RecordsError& e) {
        throw CertificateInvalid(std::string("the saved checkpoint cannot be read: ") + e.what());
    }
    bool trusted = false;
    for (const auto& key : vkeys) trusted = trusted || note.signedBy(key);
    if (!trusted) throw CertificateInvalid("the saved checkpoint is not signed by a trusted key");
    const Checkpoint saved = Checkpoint::parse(note.body);
    if (saved.origin != cert.checkpoint.origin)
        throw CertificateInvalid("the saved checkpoint is for register \"" + saved.origin +
                                 "\", the certificate for \"" + cert.checkpoint.origin + "\"");
    if (saved.size != cert.checkpoint.size) return false;
    if (saved.root != cert.checkpoint.root)
        throw CertificateInvalid("the saved checkpoint of size " + std::to_string(saved.size) +
                                 " has another root than the certificate's: the register forked; "
                                 "report this to the auditor");
    return true;
}

std::string describeVerified(const VerifiedCertificate& cert) {
    const auto& f = cert.fields;
    auto line = [&](const char* label, const std::string& key) {
        return std::string(label) + ": " + fieldText(f, key) + "\n";
    };
    std::string out = "entry " + std::to_string(cert.index) + " is in the register \"" +
                      cert.checkpoint.origin + "\" of " + std::to_string(cert.checkpoint.size) +
                      " entries, checkpoint signed by " + cert.keyName + "\n";
    out += "checkpoint root: " + base::base64::encode(hashView(cert.checkpoint.root)) + "\n";
    out += "entry hash: " + cert.entryHashHex + "\n";
    for (const auto& w : cert.witnessesSigned) out += "cosigned by witness: " + w + "\n";
    out += "register index: " + std::to_string(cert.index) + "\n";
    if (fieldText(f, "kind") == EntryKind::MediumDestroyed) {  // a certificate of destruction
        out += "act: physical destruction\n";
        return out + line("asset", "asset") + line("serial", "serial") + line("class", "class") +
               line("my number", "my_number") + line("method", "method") +
               line("performed on", "performed_on") + line("place", "place") +
               line("performed by", "by") + line("witness", "witness") +
               line("contractor", "contractor") +
               line("contractor certificate", "contractor_cert") +
               line("photos (SHA-256)", "photo_sha256") +
               line("preceding erasure entry", "erasure_entry");
    }
    out += line("result", "result") + line("purpose", "purpose") + line("class", "class") +
           line("asset", "asset") + line("device model", "device_model") +
           line("device serial", "device_serial") + line("device size (bytes)", "device_size") +
           line("media type", "device_media_type") + line("transport", "device_transport") +
           line("method", "method") + line("method name", "method_name") +
           line("passes", "passes") + line("NIST SP 800-88 level", "nist_level") +
           line("verification", "verify_mode") + line("verification result", "verify_result") +
           line("error ranges", "error_ranges") + line("started (UTC)", "started") +
           line("ended (UTC)", "ended") + line("operator", "operator") +
           line("request", "request") + line("requester", "requester") +
           line("approver", "approver") + line("software", "software");
    return out;
}

}  // namespace massho::records
