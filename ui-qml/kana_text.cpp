#include "kana_text.h"

namespace massho::kiosk::kana {
namespace {

// Pairs: a kana and its marked form.
constexpr char16_t kVoiced[] =
    u"かがきぎくぐけげこごさざしじすずせぜそぞただちぢつづてでとどはばひびふぶへべほぼうゔ";
constexpr char16_t kSemiVoiced[] = u"はぱひぴふぷへぺほぽ";
constexpr char16_t kSmall[] = u"あぁいぃうぅえぇおぉつっやゃゆゅよょわゎ";

// The position of `c` in a pair table, or -1.
qsizetype indexIn(const char16_t* table, QChar c) {
    const QStringView pairs(table);
    return pairs.indexOf(c);
}
// The kana without ゛ or ゜ (が → か, ぱ → は).
QChar plain(QChar c) {
    for (const char16_t* table : {kVoiced, kSemiVoiced}) {
        const qsizetype at = indexIn(table, c);
        if (at >= 0 && at % 2 == 1) return QChar(table[at - 1]);
    }
    return c;
}

}  // namespace

QString katakanaOf(const QString& hiragana) {
    QString out = hiragana;
    for (QChar& c : out) {
        // ぁ..ゖ and ゝゞ sit 0x60 below their katakana (Unicode's Hiragana and Katakana blocks).
        const char16_t u = c.unicode();
        if ((u >= 0x3041 && u <= 0x3096) || u == 0x309D || u == 0x309E) c = QChar(u + 0x60);
    }
    return out;
}

QChar withMark(QChar kana, Mark mark) {
    if (mark == Mark::Small) {
        const qsizetype at = indexIn(kSmall, kana);
        if (at < 0) return kana;
        return QChar(kSmall[at % 2 == 0 ? at + 1 : at - 1]);
    }
    const char16_t* table = mark == Mark::Voiced ? kVoiced : kSemiVoiced;
    const qsizetype at = indexIn(table, kana);
    if (at >= 0 && at % 2 == 1) return QChar(table[at - 1]);  // marked already: take it off
    const qsizetype base = indexIn(table, plain(kana));       // ぱ + ゛ → ば
    return base >= 0 ? QChar(table[base + 1]) : kana;
}

}  // namespace massho::kiosk::kana
