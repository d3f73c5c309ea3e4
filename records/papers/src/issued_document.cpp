#include "massho/records/papers/issued_document.h"

#include <map>
#include <set>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/records/papers/certificate.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/verify.h"

namespace massho::records {
namespace {

struct IssueRecord {
    uint64_t recordIndex = 0;
    std::string number;
};

// What the walk over the register keeps: the certified entries' leaf hashes and the
// certificate-issued entries naming them with this PDF's SHA-256.
struct Collected {
    std::map<uint64_t, std::string> leafHex;
    std::map<uint64_t, IssueRecord> issues;  // by certified entry
};

void collect(Collected& out, const std::set<uint64_t>& wanted, const std::string& sha256,
             uint64_t index, std::string_view bytes) {
    if (wanted.contains(index)) out.leafHex[index] = base::hexEncode(hashView(leafHash(bytes)));
    if (!entryHasKind(bytes, EntryKind::CertificateIssued)) return;
    const EntryFields f = parseEntry(bytes);
    const auto certified = static_cast<uint64_t>(entryIntegerOr(f, "entry", -1));
    if (wanted.contains(certified) && entryText(f, "pdf_sha256") == sha256)
        out.issues[certified] = {index, entryText(f, "certificate")};
}

std::string notIssued(const IssuedDocumentCheck& r, uint64_t entry, const std::string& source,
                      uint64_t registerSize, uint64_t checkpointSize) {
    std::string why = "this PDF is not one Massho issued: no certificate-issued entry for entry " +
                      std::to_string(entry) + " in " + source + " records its SHA-256 " +
                      r.sha256Hex;
    if (registerSize <= checkpointSize)
        return why + " (this copy of the register has " + std::to_string(registerSize) +
               " entries, older than the certificate: check against a newer copy)";
    return why + ": the payload was copied into another PDF, or the file was altered or cut";
}

}  // namespace

IssuedDocumentCheck checkIssuedDocument(const std::filesystem::path& source,
                                        const std::vector<std::string>& trustedVkeys,
                                        std::string_view pdfBytes,
                                        const std::vector<VerifiedCertificate>& certificates) {
    IssuedDocumentCheck result;
    result.sha256Hex = base::sha256Hex(pdfBytes);
    std::set<uint64_t> wanted;
    for (const auto& c : certificates) wanted.insert(c.index);
    Collected found;
    VerifyOptions options;
    options.trustedVkeys = trustedVkeys;
    options.allSignatures = false;  // the default: the latest signature covers the whole tree
    options.onEntry = [&](uint64_t index, std::string_view bytes) {
        collect(found, wanted, result.sha256Hex, index, bytes);
    };
    const VerifyReport report = verifyRegister(source, options);
    if (!report.ok) {
        result.problem = "the register at " + source.string() +
                         " does not verify, so it cannot vouch for this PDF: " + report.problem;
        return result;
    }
    for (const auto& c : certificates) {
        auto leaf = found.leafHex.find(c.index);
        if (leaf != found.leafHex.end() && leaf->second != c.entryHashHex) {
            result.problem = "the register at " + source.string() + " holds another entry " +
                             std::to_string(c.index) +
                             " than this certificate: it is not the register the certificate "
                             "is from";
            return result;
        }
        auto issue = found.issues.find(c.index);
        if (issue == found.issues.end()) {
            result.problem =
                notIssued(result, c.index, source.string(), report.entries, c.checkpoint.size);
            return result;
        }
        result.recordIndexes.push_back(issue->second.recordIndex);
        result.numbers.push_back(issue->second.number);
    }
    result.issued = true;
    return result;
}

}  // namespace massho::records
