// massho certificate INDEX (--pdf FILE | --print [--printer NAME]) --as ID --password-stdin
// [--json]; certificate batch; certificate list. (certificate verify: certificate_verify.cpp)
#include <cstdio>
#include <optional>
#include <string>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../json_output.h"
#include "../output_file.h"
#include "../session.h"
#include "massho/operations/issue_certificate_batch_operation.h"
#include "massho/operations/issue_certificate_operation.h"
#include "massho/operations/lp_printer.h"
#include "massho/operations/print_certificate_operation.h"
#include "massho/records/papers/disposal_list.h"
#include "massho/records/register/clock.h"

namespace massho::cli {
namespace {

// Whether the register has such an entry is the operation's check.
uint64_t parseEntryIndex(const std::string& text) {
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw badInput("'" + text + "' is not an entry index (a number from 0)");
    return std::stoull(text);
}

// The issued PDF is already written and recorded; only the final rename is left.
void commitRecorded(OutputFile& out) {
    try {
        out.commit();
    } catch (const CliError& e) {
        throw failed(std::string(e.what()) +
                     " (the certificate is recorded and archived in DATA_DIR/certificates/: "
                     "massho certificate --print, or copy it from there)");
    }
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
    // Checked and created before anything is recorded: never an entry for a PDF never written.
    std::optional<OutputFile> out;
    if (pdfPath) out.emplace(*pdfPath, "certificate PDF");
    Session session = Session::open(inv, cl, {records::Role::RecordsOfficer});
    records::Store& store = session.store();
    const uint64_t index = parseEntryIndex(cl.positional()[0]);
    operations::ProgressSink progress;
    const operations::CancelToken cancel;

    if (pdfPath) {
        operations::IssueCertificateOperation issue(
            store, session.user(), {index, [&](const std::string& pdf) { out->write(pdf); }});
        issue.check();
        issue.run(progress, cancel);
        const records::IssuedCertificate& issued = issue.issued();
        commitRecorded(*out);
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
        const auto printer = cl.value("printer");
        operations::PrintCertificateOperation print(
            store, session.user(),
            {index, printer, [&](const std::string& pdf) {
                 // At a terminal the person waits for lp as long as it takes (Ctrl-C ends it).
                 const std::string said = operations::printWithLp(
                     pdf, printer, "massho certificate " + std::to_string(index));
                 std::fprintf(stderr, "sent to the printer: %s\n", said.c_str());
             }});
        print.check();
        const operations::Outcome outcome = print.run(progress, cancel);
        std::fprintf(stderr, "printing recorded as register entry %llu\n",
                     static_cast<unsigned long long>(outcome.registerIndex.value_or(0)));
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
    OutputFile out(pdfPath, "certificate PDF");
    Session session = Session::open(inv, cl, {records::Role::RecordsOfficer});
    operations::IssueCertificateBatchOperation issue(
        session.store(), session.user(),
        {date, request, [&](const std::string& pdf) { out.write(pdf); }});
    issue.check();
    operations::ProgressSink progress;
    issue.run(progress, operations::CancelToken());
    const records::IssuedBatch& batch = issue.issued();
    commitRecorded(out);
    std::fprintf(stderr, "%zu certificates in %s (SHA-256 %s), recorded as entries %llu to %llu\n",
                 batch.certificates.size(), pdfPath.c_str(), batch.sha256Hex.c_str(),
                 static_cast<unsigned long long>(batch.recordIndexes.front()),
                 static_cast<unsigned long long>(batch.recordIndexes.back()));
    if (cl.isSet("json")) {
        QJsonArray entries;
        for (const auto& c : batch.certificates) entries.append(jsonNumber(c.index));
        printJson(QJsonObject{{"certificates", jsonNumber(batch.certificates.size())},
                              {"entries", entries},
                              {"sha256", QString::fromStdString(batch.sha256Hex)}});
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
    const auto rows = records::disposalRows(store.signedRegister(), from, to);
    if (auto csv = cl.value("csv"))
        writeOutputFile(*csv, records::disposalListCsv(rows), "disposal list CSV");
    if (auto pdf = cl.value("pdf"))
        writeOutputFile(*pdf, records::disposalListPdf(rows, store.origin(), from, to),
                        "disposal list PDF");
    std::fprintf(stderr, "%zu disposal erasures from %s to %s\n", rows.size(), from.c_str(),
                 to.c_str());
    return 0;
}

}  // namespace massho::cli
