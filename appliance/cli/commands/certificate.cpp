// massho certificate INDEX (--pdf FILE | --print [--printer NAME]) --as ID --password-stdin
// [--json] massho certificate verify FILE --vkey FILE [--checkpoint FILE…] [--witness-vkey FILE…]
#include <QProcess>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../output_file.h"
#include "../session.h"
#include "../text_file.h"
#include "massho/records/canonical_json.h"
#include "massho/records/certificate_issuer.h"
#include "massho/records/certificate_payload.h"
#include "massho/records/clock.h"
#include "massho/records/database.h"
#include "massho/records/disposal_list.h"
#include "massho/records/pdf_payload.h"

namespace massho::cli {
namespace {

constexpr std::uintmax_t kMaxCertificateFile = 64u * 1024 * 1024;

uint64_t parseEntryIndex(const std::string& text, uint64_t size) {
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw badInput("'" + text + "' is not an entry index (a number from 0)");
    const uint64_t index = std::stoull(text);
    if (index >= size)
        throw badInput("there is no entry " + text + ": the register has " + std::to_string(size) +
                       " entries");
    return index;
}

std::string readFileBounded(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw badInput("cannot read '" + path + "': " + ec.message());
    if (size > kMaxCertificateFile)
        throw badInput("'" + path + "' is larger than 64 MiB: not a certificate");
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) throw badInput("cannot read '" + path + "'");
    return bytes.str();
}

void writeFileOrFail(const std::string& path, const std::string& bytes) {
    writeOutputFile(path, bytes,
                    " (an issued certificate is recorded and archived in DATA_DIR/certificates/ "
                    "all the same)");
}

// CUPS: the archived bytes go to `lp` on its standard input, never a re-render.
void printPdf(const std::string& pdf, const std::optional<std::string>& printer,
              const std::string& title) {
    QStringList args{QStringLiteral("-t"), QString::fromStdString(title)};
    if (printer) args << QStringLiteral("-d") << QString::fromStdString(*printer);
    args << QStringLiteral("-");
    QProcess lp;
    lp.start(QStringLiteral("lp"), args);
    if (!lp.waitForStarted())
        throw failed(
            "cannot print: CUPS's 'lp' is not installed here (install cups-client and "
            "add a printer), or save the PDF with --pdf FILE instead");
    lp.write(pdf.data(), static_cast<qint64>(pdf.size()));
    lp.closeWriteChannel();
    lp.waitForFinished(-1);
    if (lp.exitStatus() != QProcess::NormalExit || lp.exitCode() != 0) {
        QString reason = QString::fromLocal8Bit(lp.readAllStandardError()).trimmed();
        reason.replace('\n', ' ');
        throw failed("printing failed: lp said \"" + reason.toStdString() +
                     "\"; check the printer name (lpstat -p) and that CUPS is running");
    }
    std::fprintf(stderr, "sent to the printer: %s\n",
                 QString::fromLocal8Bit(lp.readAllStandardOutput()).trimmed().toUtf8().constData());
}

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

std::vector<std::string> payloadsOf(const std::string& path) {
    const std::string bytes = readFileBounded(path);
    if (bytes.rfind("%PDF-", 0) != 0) return {bytes};  // the QR payload saved as text
    std::vector<std::string> payloads;
    try {
        payloads = records::extractPdfPayloads(bytes);
    } catch (const records::RecordsError& e) {
        throw failed(std::string("certificate does not verify: ") + e.what());
    }
    if (payloads.empty())
        throw failed("'" + path +
                     "' carries no Massho certificate payload: scan its QR code (zbarimg --raw "
                     "-Sbinary) into a text file and verify that file");
    return payloads;
}

}  // namespace

int runCertificate(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("INDEX", "The erasure entry (0-based register index).");
    cl.addOption("pdf", "FILE",
                 "Issue the certificate and write the PDF to FILE ('-': standard output).");
    cl.addFlag("print", "Print the archived PDF of the latest issue with CUPS (lp).");
    cl.addOption("printer", "NAME", "CUPS printer (default: the system's default printer).");
    cl.addFlag("json", "Print the result as JSON on stdout.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    const auto pdfPath = cl.value("pdf");
    if (!pdfPath && !cl.isSet("print"))
        throw badInput(
            "say what to do: --pdf FILE issues a certificate, --print prints the "
            "issued one");
    requireOneStandardOutput({pdfPath}, cl.isSet("json"));
    Session session = Session::open(inv, cl, {records::Role::RecordsOfficer});
    records::Store& store = session.store();
    const uint64_t index = parseEntryIndex(cl.positional()[0], store.log().size());

    if (pdfPath) {
        records::IssuedCertificate issued;
        try {
            issued = records::issueCertificate(store, index, session.userId());
        } catch (const records::CertificateRefused& e) {
            throw refused(e.what());
        }
        writeFileOrFail(*pdfPath, issued.pdf);
        std::fprintf(
            stderr, "certificate %s%s for entry %llu: %s (SHA-256 %s, recorded as entry %llu)\n",
            issued.certificate.number.c_str(), issued.certificate.reissue() ? " (reissue)" : "",
            static_cast<unsigned long long>(index), pdfPath->c_str(), issued.sha256Hex.c_str(),
            static_cast<unsigned long long>(issued.recordIndex));
        if (cl.isSet("json"))
            std::printf(
                "{\"certificate\":\"%s\",\"entry\":%llu,\"record\":%llu,\"reissue\":%s,"
                "\"sha256\":\"%s\"}\n",
                issued.certificate.number.c_str(), static_cast<unsigned long long>(index),
                static_cast<unsigned long long>(issued.recordIndex),
                issued.certificate.reissue() ? "true" : "false", issued.sha256Hex.c_str());
    }
    if (cl.isSet("print")) {
        std::string pdf;
        try {
            pdf = records::archivedCertificate(store, index);
        } catch (const records::RecordsError& e) {
            throw failed(e.what());
        }
        printPdf(pdf, cl.value("printer"), "massho certificate " + std::to_string(index));
        // Issue 3: printing is an act of its own in the register (who printed which bytes where).
        records::EntryBuilder printed("certificate-printed", store.clock());
        printed.set("entry", static_cast<int64_t>(index));
        printed.set("pdf_sha256", records::sha256Hex(pdf));
        printed.set("printer", cl.value("printer").value_or("default"));
        printed.set("by", session.userId());
        records::Transaction tx(store.database());
        const uint64_t recorded = store.log().append(printed.finish());
        tx.commit();
        std::fprintf(stderr, "printing recorded as register entry %llu\n",
                     static_cast<unsigned long long>(recorded));
    }
    return 0;
}

int runCertificateBatch(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("date", "YYYY-MM-DD", "Erasures that ended on this day (Japan time).");
    cl.addOption("request", "REQ", "Erasures done for this approval request.");
    cl.addOption("pdf", "FILE", "Write the multi-page PDF to FILE ('-': standard output).");
    cl.addFlag("json", "Print the result as JSON on stdout.");
    addSessionOptions(cl);
    cl.parse(0, 0);
    const std::string pdfPath = cl.required("pdf");
    requireOneStandardOutput({pdfPath}, cl.isSet("json"));
    const auto date = cl.value("date");
    const auto request = cl.value("request");
    if (!date && !request)
        throw badInput("choose the certificates: --date YYYY-MM-DD or --request REQ");
    if (date && !records::isValidDate(*date))
        throw badInput("--date '" + *date + "' is not a date written as " + records::kDateRule);
    Session session = Session::open(inv, cl, {records::Role::RecordsOfficer});
    records::Store& store = session.store();
    records::IssuedBatch batch;
    try {
        batch = records::issueCertificateBatch(
            store, records::selectErasures(store.log(), date, request), session.userId());
    } catch (const records::CertificateRefused& e) {
        throw failed(e.what());
    }
    writeFileOrFail(pdfPath, batch.pdf);
    std::fprintf(stderr, "%zu certificates in %s (SHA-256 %s), recorded as entries %llu to %llu\n",
                 batch.certificates.size(), pdfPath.c_str(), batch.sha256Hex.c_str(),
                 static_cast<unsigned long long>(batch.recordIndexes.front()),
                 static_cast<unsigned long long>(batch.recordIndexes.back()));
    if (cl.isSet("json")) {
        std::string entries;
        for (const auto& c : batch.certificates)
            entries += (entries.empty() ? "" : ",") + std::to_string(c.index);
        std::printf("{\"certificates\":%zu,\"entries\":[%s],\"sha256\":\"%s\"}\n",
                    batch.certificates.size(), entries.c_str(), batch.sha256Hex.c_str());
    }
    return 0;
}

int runCertificateList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("from", "YYYY-MM-DD", "First day (Japan time).");
    cl.addOption("to", "YYYY-MM-DD", "Last day (Japan time), inclusive.");
    cl.addOption("csv", "FILE", "Write the list as CSV (UTF-8) to FILE ('-': standard output).");
    cl.addOption("pdf", "FILE", "Write the list as PDF to FILE ('-': standard output).");
    cl.parse(0, 0);
    const std::string from = cl.required("from");
    const std::string to = cl.required("to");
    for (const auto& d : {from, to})
        if (!records::isValidDate(d))
            throw badInput("'" + d + "' is not a date written as " + records::kDateRule);
    if (to < from) throw badInput("--to " + to + " is before --from " + from);
    if (!cl.value("csv") && !cl.value("pdf"))
        throw badInput("say where to write: --csv FILE and/or --pdf FILE");
    requireOneStandardOutput({cl.value("csv"), cl.value("pdf")});
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    const auto rows = records::disposalRows(store.log(), from, to);
    if (auto csv = cl.value("csv")) writeFileOrFail(*csv, records::disposalListCsv(rows));
    if (auto pdf = cl.value("pdf"))
        writeFileOrFail(*pdf, records::disposalListPdf(rows, store.origin(), from, to));
    std::fprintf(stderr, "%zu disposal erasures from %s to %s\n", rows.size(), from.c_str(),
                 to.c_str());
    return 0;
}

int runCertificateVerify(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("FILE", "The certificate PDF, or its QR payload saved as a text file.");
    cl.addOption("vkey", "FILE", "The register's verifier key (your own copy); repeatable.");
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
    const auto payloads = payloadsOf(cl.positional()[0]);
    for (size_t i = 0; i < payloads.size(); ++i) {
        try {
            const auto cert = records::verifyCertificatePayload(payloads[i], vkeys, witnesses);
            if (payloads.size() > 1)
                std::printf("--- certificate %zu of %zu\n", i + 1, payloads.size());
            std::fputs(records::describeVerified(cert).c_str(), stdout);
            for (size_t k = 0; k < saved.size(); ++k)
                std::printf("saved checkpoint %s: %s\n", cl.values("checkpoint")[k].c_str(),
                            records::matchesSavedCheckpoint(cert, saved[k], vkeys)
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
