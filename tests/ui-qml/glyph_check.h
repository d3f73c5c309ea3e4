#pragma once

#include <QQuickWindow>
#include <QStringList>

namespace massho::kiosk::test {

// Every character shown in `window` that no font has a glyph for (it would be drawn as a box,
// "tofu"): for each visible text item, each character is laid out with the item's font the way
// Qt Quick lays it out (QTextLayout, with the font database's fallbacks), and a character whose
// glyph is the font's glyph 0 (.notdef) is missing. One line per miss: the item, its string and
// the code point (U+XXXX).
QStringList missingGlyphs(QQuickWindow* window);

}  // namespace massho::kiosk::test
