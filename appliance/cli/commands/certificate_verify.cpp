// massho certificate verify FILE --vkey FILE [--register DATA_DIR|massho.db|EXPORT_DIR]
// [--checkpoint FILE…] [--witness-vkey FILE…]
// The payload (entry + proof) proves the erasure; only the register's certificate-issued entries
// (the PDF's SHA-256) prove the document. Without the register at hand, the output says that the
// PDF's bytes were not checked, and exit 0 still means only "the proof is genuine" (README,
// "Checking a certificate").
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../file_kind.h"
#include "../text_file.h"
#include "massho/records/papers/certificate_payload.h"
#include "massho/records/papers/issued_document.h"
#include "massho/records/papers/pdf_payload.h"

namespace massho::cli {
namespace {

constexpr size_t kMaxCertificateFile = 64u * 1024 * 1024;

struct CertificateFile {
    std::string bytes;
    bool isPdf = false;
    std::vector<std::string> payloads;
};

std::vector<records::VerifierKey> keysOfType(const std::vector<std::string>& lines,
                                             unsigned char type) {
    std::vector<records::VerifierKey> keys;
    for (const auto& line : lines) {
        try {
            records::VerifierKey key = records::VerifierKey::parse(line);
            if (key.type() == type) keys.push_back(std::move(key));
        } catch (const records::RecordsError& e) {
            throw badInput(std::string("a verifier key cannot be read: ") + e.what());
        }
    }
    return keys;
}

// A PDF ends with "%%EOF" and at most some line ends (ISO 32000-1 §7.5.5); one cut short has
// lost its cross-reference table and trailer.
bool endsLikeAPdf(const std::string& bytes) {
    const size_t end = bytes.find_last_not_of("\r\n \t\f");
    return end != std::string::npos && end >= 4 && bytes.compare(end - 4, 5, "%%EOF") == 0;
}

CertificateFile readCertificate(const std::string& path) {
    CertificateFile file;
    file.bytes = readInputFile(path, "certificate", kMaxCertificateFile);
    file.isPdf = file.bytes.rfind("%PDF-", 0) == 0;
    if (!file.isPdf) {  // the QR payload saved as text
        requireText(file.bytes, path, "certificate",
                    "the certificate PDF or its QR payload saved as text");
        file.payloads = {file.bytes};
        return file;
    }
    if (!endsLikeAPdf(file.bytes))
        throw failed("'" + path +
                     "' is not a whole PDF (it does not end with %%EOF): it was cut off or "
                     "damaged, and is not a certificate Massho issued");
    try {
        file.payloads = records::extractPdfPayloads(file.bytes);
    } catch (const records::RecordsError& e) {
        throw failed(std::string("certificate does not verify: ") + e.what());
    }
    if (file.payloads.empty())
        throw failed("'" + path +
                     "' carries no Massho certificate payload: scan its QR code (zbarimg --raw "
                     "-Sbinary) into a text file and verify that file");
    return file;
}

// --register, else the data directory when one was named (--data-dir, $MASSHO_DATA_DIR) or the
// default one holds a register (on the appliance itself).
std::optional<std::filesystem::path> registerAtHand(const Invocation& inv, const CommandLine& cl) {
    if (auto given = cl.value("register")) return std::filesystem::path(*given);
    std::error_code ec;
    if (inv.dataDirGiven || std::filesystem::exists(inv.dataDir / "massho.db", ec))
        return inv.dataDir;
    return std::nullopt;
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

// The first line says what was checked: the document itself, or only the proof it carries.
std::string heading(const CertificateFile& file, const std::vector<std::string>& keyLines,
                    const std::vector<records::VerifiedCertificate>& certs,
                    const std::optional<std::filesystem::path>& reg) {
    constexpr const char* kProofOnly = "PROOF VERIFIED — the entry and its proof are genuine; ";
    constexpr const char* kCompare =
        "compare the page with these facts (a page that differs is forged):\n";
    if (!file.isPdf)
        return std::string(kProofOnly) +
               "this is the payload, not the PDF, so no document was checked: " + kCompare;
    if (!reg)
        return std::string(kProofOnly) +
               "this PDF's bytes were NOT checked against the register (give --register "
               "DATA_DIR|massho.db|EXPORT_DIR to check them): " +
               kCompare;
    records::IssuedDocumentCheck check;
    try {
        check = records::checkIssuedDocument(*reg, keyLines, file.bytes, certs);
    } catch (const records::RecordsError& e) {
        throw badInput(std::string("cannot check the PDF against the register: ") + e.what());
    }
    if (!check.issued) throw failed(check.problem);
    std::vector<std::string> recordIndexes;
    for (uint64_t r : check.recordIndexes) recordIndexes.push_back(std::to_string(r));
    return "DOCUMENT VERIFIED: this PDF is the one Massho issued (SHA-256 " + check.sha256Hex +
           ", recorded in register entry " + joined(recordIndexes) + " as certificate " +
           joined(check.numbers) + " of " + reg->string() + ") and its proof is genuine\n";
}

}  // namespace

int runCertificateVerify(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("FILE", "The certificate PDF, or its QR payload saved as a text file.");
    cl.addOption("vkey", "FILE", "The register's verifier key (your own copy); repeatable.");
    cl.addOption("register", "PATH",
                 "The register (data directory, massho.db or export folder) whose "
                 "certificate-issued entries must hold this PDF's SHA-256 (default: the data "
                 "directory when one is given or present).");
    cl.addOption("checkpoint", "FILE",
                 "A checkpoint you kept: the same tree size must have the same root.");
    cl.addOption("witness-vkey", "FILE", "A witness's verifier key; repeatable.");
    cl.parse(1, 1);
    if (cl.values("vkey").empty())
        throw badInput("--vkey FILE is required: the register's public key from a trusted copy");
    std::vector<std::string> keyLines, witnessLines;
    for (const auto& f : cl.values("vkey"))
        for (auto& l : readVkeyLines(f)) keyLines.push_back(std::move(l));
    for (const auto& f : cl.values("witness-vkey"))
        for (auto& l : readVkeyLines(f)) witnessLines.push_back(std::move(l));
    const auto vkeys = keysOfType(keyLines, records::kNoteKeyType);
    const auto witnesses = keysOfType(witnessLines, records::kCosignatureKeyType);
    if (vkeys.empty()) throw badInput("the --vkey file holds no register (note) key");

    std::vector<std::string> saved;
    for (const auto& f : cl.values("checkpoint")) saved.push_back(readTextInput(f, "checkpoint"));
    const CertificateFile file = readCertificate(cl.positional()[0]);
    std::vector<records::VerifiedCertificate> certs;
    try {
        for (const auto& payload : file.payloads)
            certs.push_back(records::verifyCertificatePayload(payload, vkeys, witnesses));
    } catch (const records::CertificateInvalid& e) {
        throw failed(e.what());
    }
    const std::string head = heading(file, keyLines, certs, registerAtHand(inv, cl));
    std::fputs(head.c_str(), stdout);
    for (size_t i = 0; i < certs.size(); ++i) {
        if (certs.size() > 1) std::printf("--- certificate %zu of %zu\n", i + 1, certs.size());
        std::fputs(records::describeVerified(certs[i]).c_str(), stdout);
        try {
            for (size_t k = 0; k < saved.size(); ++k)
                std::printf("saved checkpoint %s: %s\n", cl.values("checkpoint")[k].c_str(),
                            records::matchesSavedCheckpoint(certs[i], saved[k], vkeys)
                                ? "same tree, same root"
                                : "other tree size: relate them with massho register verify "
                                  "--checkpoint");
        } catch (const records::CertificateInvalid& e) {
            throw failed(e.what());
        }
    }
    return 0;
}

}  // namespace massho::cli
