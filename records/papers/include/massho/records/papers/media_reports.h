#pragma once

#include <string>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/register/register.h"

namespace massho::records {

// The records officer's media reports. Dates are YYYY-MM-DD in Japan time, like the
// disposal list; every row names the register entries behind it so that an auditor can check
// each one with `massho register show|proof INDEX`. They read the ledger's tables (MediaLedger,
// which on a read-only file whose tables are behind replays the register instead): the media and
// events they answer with, not the register.

// The first moment after the end of `dateJst` (JST), as RFC 3339 UTC: replayLedger's bound for
// "the ledger as of that date". Throws UserError for a malformed date.
std::string endOfDayJstUtc(const std::string& dateJst);
// The Japan-time calendar date of an RFC 3339 UTC time.
std::string jstDate(const std::string& rfc3339Utc);

// 媒体管理台帳: every medium registered by the end of `asOfJst`, as it stood then.
TableReport mediaLedgerReport(const MediaLedger& ledger, const std::string& asOfJst,
                              const std::string& origin);
// 持出し中の媒体: media carried out and not returned by the end of `asOfJst`.
TableReport carriedOutReport(const MediaLedger& ledger, const Register& log,
                             const std::string& asOfJst, const std::string& origin);
// 返却・廃棄予定: leased media due back within `withinDays` of `todayJst` that are not yet
// erased for the return, and media erased for disposal whose disposal is not yet recorded.
TableReport mediaDueReport(const MediaLedger& ledger, const std::string& todayJst, int withinDays,
                           const std::string& origin);
// 廃棄・破壊記録: disposals, destructions and lease returns recorded between the two dates
// (inclusive), with the erasure entry before each and the certificates issued for it.
TableReport mediaClosuresReport(const MediaLedger& ledger, const Register& log,
                                const std::string& fromJst, const std::string& toJst,
                                const std::string& origin);

}  // namespace massho::records
