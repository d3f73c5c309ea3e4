#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <string_view>
#include <vector>

namespace massho::kiosk {

// Kana-to-kanji candidates from an SKK dictionary: Debian's skkdic (/usr/share/skk/SKK-JISYO.L),
// plain text in EUC-JP, one reading a line followed by its candidates in the dictionary's order:
//     やまだ /山田/
//     かんじ /漢字/幹事;manager/…          (";…" is a note about the candidate, not shown)
// Entries "with okurigana" (a reading ending in a Latin letter, かk /書/) are skipped on purpose:
// the kiosk's kana keys do not say where a word's okurigana begin, so the reading is converted
// as one word (書く is typed as かく, whose entry lists 書く). Candidates that are Emacs Lisp
// expressions ("(concat …)", computed by SKK itself) are skipped too.
//
// The whole file is kept in memory once, converted to UTF-8 (about 6 MB for SKK-JISYO.L), with
// an index of its readings sorted by their bytes (8 bytes each): a lookup is a binary search.
class KanaDictionary {
  public:
    static constexpr const char* kDebianPath = "/usr/share/skk/SKK-JISYO.L";

    // Reads and indexes the dictionary at `path`; null with `error` saying why when it cannot
    // be read or holds no reading at all.
    static std::shared_ptr<const KanaDictionary> load(const QString& path, QString* error);
    // The same dictionary for every caller in the process: loaded once a path.
    static std::shared_ptr<const KanaDictionary> shared(const QString& path, QString* error);

    // The candidates for a reading (hiragana as typed), in the dictionary's order, each once.
    QStringList candidates(const QString& reading) const;
    qsizetype readings() const { return static_cast<qsizetype>(lines_.size()); }
    // The memory the dictionary holds: its text and its index.
    qsizetype bytes() const;

  private:
    struct Line {
        quint32 start;      // offset of the line in text_
        quint32 keyLength;  // bytes of its reading
    };
    explicit KanaDictionary(QByteArray text);
    std::string_view keyOf(const Line& line) const;

    QByteArray text_;  // the dictionary in UTF-8
    std::vector<Line> lines_;
};

}  // namespace massho::kiosk
