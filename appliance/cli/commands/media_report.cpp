// massho media report ledger|carried-out|due|closures (--csv FILE | --pdf FILE)…
// The records officer's reports, read from the media ledger's tables (opened read-only: on an
// auditor's copy whose tables are behind, the ledger is replayed from the signed register).
#include <chrono>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../output_file.h"
#include "../session.h"
#include "massho/records/papers/media_reports.h"
#include "massho/records/register/clock.h"

namespace massho::cli {
namespace {

std::string dateOrThrow(const std::string& value, const char* option) {
    if (!records::isValidDate(value))
        throw badInput(std::string("--") + option + " '" + value.substr(0, 20) +
                       "' is not a date written as " + records::kDateRule);
    return value;
}

int daysOrThrow(const std::string& value) {
    if (value.empty() || value.size() > 4 ||
        value.find_first_not_of("0123456789") != std::string::npos)
        throw badInput("--within must be a number of days from 0 to 9999");
    return std::stoi(value);  // at most four digits: cannot throw
}

}  // namespace

int runMediaReport(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("KIND", "ledger, carried-out, due or closures.");
    cl.addOption("as-of", "YYYY-MM-DD", "ledger, carried-out: as it stood at the end of this day.");
    cl.addOption("within", "DAYS", "due: leases ending within this many days (default 30).");
    cl.addOption("from", "YYYY-MM-DD", "closures: first day (Japan time).");
    cl.addOption("to", "YYYY-MM-DD", "closures: last day, inclusive.");
    cl.addOption("csv", "FILE", "Write CSV (UTF-8) to FILE ('-': standard output).");
    cl.addOption("pdf", "FILE", "Write an A4 PDF to FILE ('-': standard output).");
    cl.parse(1, 1);
    if (!cl.value("csv") && !cl.value("pdf"))
        throw badInput("say where to write: --csv FILE and/or --pdf FILE");
    requireOneStandardOutput({cl.value("csv"), cl.value("pdf")});
    const std::string kind = cl.positional()[0];
    const std::string today =
        records::jstDate(records::formatRfc3339(std::chrono::system_clock::now()));

    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    const records::Register& log = store.signedRegister();
    const records::MediaLedger ledger(store.database(), store.signedRegister());
    records::TableReport report;
    if (kind == "ledger" || kind == "carried-out") {
        const std::string asOf = dateOrThrow(cl.value("as-of").value_or(today), "as-of");
        report = kind == "ledger" ? records::mediaLedgerReport(ledger, asOf, store.origin())
                                  : records::carriedOutReport(ledger, log, asOf, store.origin());
    } else if (kind == "due") {
        report = records::mediaDueReport(
            ledger, today, daysOrThrow(cl.value("within").value_or("30")), store.origin());
    } else if (kind == "closures") {
        const std::string from = dateOrThrow(cl.required("from"), "from");
        const std::string to = dateOrThrow(cl.required("to"), "to");
        if (to < from) throw badInput("--to " + to + " is before --from " + from);
        report = records::mediaClosuresReport(ledger, log, from, to, store.origin());
    } else {
        throw badInput("unknown report '" + kind.substr(0, 20) +
                       "': use ledger, carried-out, due or closures");
    }
    if (auto csv = cl.value("csv"))
        writeOutputFile(*csv, records::tableReportCsv(report), "report CSV");
    if (auto pdf = cl.value("pdf"))
        writeOutputFile(*pdf, records::tableReportPdf(report), "report PDF");
    std::fprintf(stderr, "%s: %zu rows\n", report.title.c_str(), report.rows.size());
    return 0;
}

}  // namespace massho::cli
