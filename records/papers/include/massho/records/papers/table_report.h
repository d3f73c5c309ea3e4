#pragma once

#include <string>
#include <vector>

namespace massho::records {

// A records officer's report as one table (媒体管理台帳, 廃棄記録一覧, …): the same rows become
// a CSV file for spreadsheets and an A4 landscape PDF for the binder.
struct TableReport {
    std::string title;                   // bilingual, e.g. "媒体管理台帳 / Media ledger"
    std::vector<std::string> preamble;   // lines under the title (period, origin, counts)
    std::vector<std::string> csvHeader;  // machine names, e.g. "asset"
    std::vector<std::string> pdfHeader;  // what a person reads, e.g. "管理番号 / Tag"
    std::vector<std::vector<std::string>> rows;
};

// RFC 4180, UTF-8, CRLF, a header line. Cells a spreadsheet would run as a formula (starting
// with = + - @) get a leading ' (OWASP CSV injection).
std::string tableReportCsv(const TableReport& report);
// Paginated A4 landscape PDF (Qt Gui, IPAexGothic), the header row repeated on every page.
std::string tableReportPdf(const TableReport& report);

}  // namespace massho::records
