#pragma once

#include <QString>

// Kana as the kiosk's kana keys write them (KanaKeys.qml): the katakana of a hiragana reading,
// and the marks a kana keyboard puts on the last kana typed, as phone keyboards do: ゛ (か → が),
// ゜ (は → ぱ) and 小 (つ → っ); the same mark again takes it off.
namespace massho::kiosk::kana {

// Hiragana to katakana (やまだ → ヤマダ); other characters (ー, Latin) as they are.
QString katakanaOf(const QString& hiragana);

enum class Mark { Voiced, SemiVoiced, Small };
// `kana` with the mark put on or taken off; the same kana when the mark does not apply (あ゛).
QChar withMark(QChar kana, Mark mark);

}  // namespace massho::kiosk::kana
