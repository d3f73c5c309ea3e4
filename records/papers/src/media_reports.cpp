#include "massho/records/papers/media_reports.h"

#include <chrono>
#include <map>

#include "massho/records/register/clock.h"
#include "massho/records/register/decimal.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

using namespace std::chrono;

sys_days parseDay(const std::string& date) {
    const auto day = parseDate(date);
    if (!day) throw UserError("'" + date.substr(0, 20) + "' is not a date written as " + kDateRule);
    return *day;
}

std::string optionalIndex(const std::optional<uint64_t>& i) {
    return i ? std::to_string(*i) : std::string();
}

std::string lease(const Medium& m) {
    return m.leased() ? m.lessor + " " + m.leaseContract + " → " + m.leaseReturn : std::string();
}

TableReport titled(const std::string& title, const std::string& origin,
                   const std::vector<std::pair<std::string, std::string>>& columns) {
    TableReport t;
    t.title = title;
    t.preamble.push_back(origin);
    for (const auto& [csv, pdf] : columns) {
        t.csvHeader.push_back(csv);
        t.pdfHeader.push_back(pdf);
    }
    return t;
}

// The numbers of the certificates issued for entry `index`, in register order, through their
// certificate-for keys (entry_keys.h): those entries only. Nullopt when none was issued.
std::optional<std::string> certificatesFor(const Register& log, uint64_t index) {
    std::optional<std::string> numbers;
    const std::string key = std::to_string(index);
    log.forEachKeyed(entry_key::CertificateFor, key, key, [&](uint64_t, const std::string& bytes) {
        const std::string number = entryText(parseEntry(bytes), "certificate");
        numbers = numbers ? *numbers + " " + number : number;
    });
    return numbers;
}

std::string indexes(const std::vector<uint64_t>& entries) {
    std::string out;
    for (uint64_t index : entries) out += (out.empty() ? "" : " ") + std::to_string(index);
    return out;
}

}  // namespace

std::string endOfDayJstUtc(const std::string& dateJst) {
    // 24:00 JST on that day = 15:00 UTC.
    return formatRfc3339(TimePoint(parseDay(dateJst) + hours(15)));
}

std::string jstDate(const std::string& rfc3339Utc) {
    if (rfc3339Utc.size() < 19) return rfc3339Utc;
    const auto day = parseDate(rfc3339Utc.substr(0, 10));
    const std::string hh = rfc3339Utc.substr(11, 2);
    if (!day || hh.find_first_not_of("0123456789") != std::string::npos) return rfc3339Utc;
    const int hour = (hh[0] - '0') * 10 + (hh[1] - '0');
    return formatDate(TimePoint(*day + hours(hour + 9)));
}

TableReport mediaLedgerReport(const MediaLedger& ledger, const std::string& asOfJst,
                              const std::string& origin) {
    LedgerAsOf s = ledger.asOf(endOfDayJstUtc(asOfJst));
    TableReport t = titled("媒体管理台帳 / Media ledger", origin,
                           {{"asset", "管理番号 / Tag"},
                            {"class", "分類 / Class"},
                            {"my_number", "個人番号 / My Number"},
                            {"media_type", "種別 / Type"},
                            {"model", "型番 / Model"},
                            {"serial", "製造番号 / Serial"},
                            {"section", "所管課 / Section"},
                            {"location", "保管場所 / Location"},
                            {"state", "状態 / State"},
                            {"since_jst", "更新日 / Since"},
                            {"lease", "リース / Lease"},
                            {"entries", "登録簿 / Register entries"}});
    t.preamble.insert(t.preamble.begin(), "時点 / As of: " + asOfJst + " (JST, end of day)");
    t.preamble.push_back("媒体数 / Media: " + std::to_string(s.media.size()));
    for (const auto& [tag, m] : s.media)
        t.rows.push_back({tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no", m.mediaType,
                          m.model, m.serial, m.section, m.location, std::string(toString(m.state)),
                          jstDate(m.changed), lease(m), indexes(s.entries[tag])});
    return t;
}

TableReport carriedOutReport(const MediaLedger& ledger, const Register& log,
                             const std::string& asOfJst, const std::string& origin) {
    const LedgerAsOf s = ledger.asOf(endOfDayJstUtc(asOfJst), MediaState::CarriedOut);
    TableReport t = titled("持出し中の媒体 / Media carried out, not returned", origin,
                           {{"asset", "管理番号 / Tag"},
                            {"class", "分類 / Class"},
                            {"serial", "製造番号 / Serial"},
                            {"carried_out_jst", "持出日 / Carried out"},
                            {"destination", "持出先 / Destination"},
                            {"operator", "担当 / Operator"},
                            {"approver", "承認 / Approver"},
                            {"carry_out_entry", "登録簿 / Entry"}});
    t.preamble.insert(t.preamble.begin(), "時点 / As of: " + asOfJst + " (JST, end of day)");
    for (const auto& [tag, m] : s.media) {
        if (m.state != MediaState::CarriedOut || !m.carryOutEntry) continue;
        const EntryFields f = parseEntry(log.entry(*m.carryOutEntry));
        t.rows.push_back({tag, entryText(f, "class"), m.serial, jstDate(entryText(f, "time")),
                          entryText(f, "destination"), entryText(f, "operator"),
                          entryText(f, "approver"), std::to_string(*m.carryOutEntry)});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

TableReport mediaDueReport(const MediaLedger& ledger, const std::string& todayJst, int withinDays,
                           const std::string& origin) {
    const std::string horizon = formatDate(TimePoint(parseDay(todayJst) + days(withinDays)));
    TableReport t = titled("返却・廃棄予定 / Media due for lease return or disposal", origin,
                           {{"asset", "管理番号 / Tag"},
                            {"class", "分類 / Class"},
                            {"my_number", "個人番号 / My Number"},
                            {"state", "状態 / State"},
                            {"due", "期限 / Due"},
                            {"what", "必要な処理 / What is needed"},
                            {"lease", "リース / Lease"},
                            {"last_erasure_entry", "消去記録 / Last erasure"}});
    t.preamble.insert(t.preamble.begin(), "基準日 / Today: " + todayJst + ", +" +
                                              std::to_string(withinDays) + " days → " + horizon +
                                              " (JST)");
    for (const Medium& m : ledger.listOpen()) {
        std::string what;
        if (m.leased() && m.leaseReturn <= horizon) {
            if (m.myNumber)
                what = "My Number: destroy (witnessed) and settle with the lessor";
            else if (m.state != MediaState::Erased || m.lastErasurePurpose != "lease-return")
                what = "erase for lease return (not yet erased)";
            else
                what = "erased: return to the lessor";
        } else if (m.state == MediaState::Erased && m.lastErasurePurpose == "disposal") {
            what = m.myNumber ? "My Number: destroy with a witness" : "erased: record disposal";
        }
        if (what.empty()) continue;
        t.rows.push_back({m.tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no",
                          std::string(toString(m.state)), m.leased() ? m.leaseReturn : "", what,
                          lease(m), optionalIndex(m.lastErasureEntry)});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

TableReport mediaClosuresReport(const MediaLedger& ledger, const Register& log,
                                const std::string& fromJst, const std::string& toJst,
                                const std::string& origin) {
    // The events of the period's days, a day wider on each side as UTC text (a JST day begins
    // at 15:00 UTC the day before); each is then kept by its JST date exactly.
    const std::string wideFrom = formatDate(TimePoint(parseDay(fromJst) - days(1)));
    const std::string wideTo = formatDate(TimePoint(parseDay(toJst) + days(2)));
    TableReport t = titled("廃棄・破壊記録 / Disposals, destructions and lease returns", origin,
                           {{"date_jst", "日付 / Date"},
                            {"asset", "管理番号 / Tag"},
                            {"class", "分類 / Class"},
                            {"my_number", "個人番号 / My Number"},
                            {"act", "処理 / Act"},
                            {"method", "方法 / Method"},
                            {"by", "実施者 / By"},
                            {"witness", "立会人 / Witness"},
                            {"contractor", "委託先 / Contractor"},
                            {"contractor_cert", "証明書番号 / Contractor cert."},
                            {"entry", "登録簿 / Entry"},
                            {"erasure_entry", "消去記録 / Erasure entry"},
                            {"certificates", "消去証明書 / Certificates"}});
    t.preamble.insert(t.preamble.begin(), "期間 / Period: " + fromJst + " – " + toJst + " (JST)");
    for (const auto& e : ledger.eventsBetween(wideFrom, wideTo)) {
        if (e.kind != EntryKind::MediumDisposed && e.kind != EntryKind::MediumDestroyed &&
            e.kind != EntryKind::MediumReturnedToLessor)
            continue;
        const std::string day = jstDate(e.time);
        if (day < fromJst || day > toJst) continue;
        const EntryFields f = parseEntry(log.entry(e.index));
        const std::optional<Medium> found = ledger.find(e.tag);
        if (!found)
            throw StoreError("ledger event " + std::to_string(e.index) + " names medium " + e.tag +
                             ", which has no row: run massho media check");
        const Medium& m = *found;
        const std::string erasure = entryText(f, "erasure_entry");
        // Certificates of the act itself (a destruction certificate) and of the erasure before.
        std::string certs;
        for (const std::string& entry : {std::to_string(e.index), erasure})
            if (!entry.empty())
                if (auto n = parseDecimal(entry))
                    if (auto numbers = certificatesFor(log, *n))
                        certs += (certs.empty() ? "" : " ") + *numbers;
        t.rows.push_back({day, e.tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no",
                          std::string(toString(e.state)),
                          e.kind == EntryKind::MediumDestroyed ? entryText(f, "method") : "",
                          entryText(f, "by"), entryText(f, "witness"), entryText(f, "contractor"),
                          entryText(f, "contractor_cert"), std::to_string(e.index), erasure,
                          certs});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

}  // namespace massho::records
