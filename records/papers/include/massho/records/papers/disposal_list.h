#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/register.h"

namespace massho::records {

// One line of the disposal list (廃棄記録一覧): an erasure for disposal, whatever its result,
// as the text of its cells (index, ended_jst, asset, class, model, serial, media_type,
// size_bytes, method, nist_level, verify, result, operator, approver: the CSV header's order).
struct DisposalRow {
    uint64_t index = 0;
    std::vector<std::string> cells;
};

// Erasures with purpose "disposal" that ended between `fromJst` and `toJst` (YYYY-MM-DD,
// inclusive, Japan time), in register order.
std::vector<DisposalRow> disposalRows(const Register& log, const std::string& fromJst,
                                      const std::string& toJst);

// RFC 4180 CSV, UTF-8, CRLF line ends, a header line. Cells that a spreadsheet would run as a
// formula (starting with = + - @) are prefixed with ' (OWASP CSV injection).
std::string disposalListCsv(const std::vector<DisposalRow>& rows);

// The same list as an A4 landscape PDF (paginated), titled 廃棄記録一覧 / Disposal list.
std::string disposalListPdf(const std::vector<DisposalRow>& rows, const std::string& origin,
                            const std::string& fromJst, const std::string& toJst);

}  // namespace massho::records
