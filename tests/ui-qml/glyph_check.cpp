#include "glyph_check.h"

#include <QFont>
#include <QGlyphRun>
#include <QQuickItem>
#include <QSet>
#include <QTextLayout>

namespace massho::kiosk::test {

namespace {

// Text, TextInput, TextEdit and the controls built on them (Label is a Text) carry `text` and
// `font` properties; so do Buttons, whose contentItem is itself a Text checked on its own.
bool showsText(const QQuickItem* item) {
    return item->metaObject()->indexOfProperty("text") >= 0 &&
           item->metaObject()->indexOfProperty("font") >= 0 &&
           (item->inherits("QQuickText") || item->inherits("QQuickTextInput") ||
            item->inherits("QQuickTextEdit"));
}

bool visibleOnScreen(const QQuickItem* item) {
    for (const QQuickItem* at = item; at; at = at->parentItem())
        if (!at->isVisible() || at->opacity() <= 0) return false;
    return true;
}

// True when laying out `codePoint` alone with `font` (and its fallbacks) finds a real glyph.
bool hasGlyph(const QFont& font, char32_t codePoint) {
    QTextLayout layout(QString::fromUcs4(&codePoint, 1), font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.isEmpty()) return false;
    for (const QGlyphRun& run : runs)
        for (quint32 glyph : run.glyphIndexes())
            if (glyph == 0) return false;
    return true;
}

QString describe(const QQuickItem* item) {
    const QString name = item->objectName();
    QString where = name.isEmpty() ? QString::fromUtf8(item->metaObject()->className()) : name;
    for (const QQuickItem* at = item->parentItem(); at; at = at->parentItem())
        if (!at->objectName().isEmpty()) return where + " in '" + at->objectName() + "'";
    return where;
}

void check(QQuickItem* item, QStringList& misses) {
    if (showsText(item) && visibleOnScreen(item)) {
        const QString text = item->property("text").toString();
        const QFont font = item->property("font").value<QFont>();
        QSet<char32_t> seen;
        for (char32_t c : text.toUcs4()) {
            // Spaces and controls draw nothing, so nothing can be missing.
            if (QChar::isSpace(c) || !QChar::isPrint(c) || seen.contains(c)) continue;
            seen.insert(c);
            if (!hasGlyph(font, c))
                misses << QStringLiteral("%1: \"%2\" has no glyph for U+%3 (font %4)")
                              .arg(describe(item), text)
                              .arg(quint32(c), 4, 16, QChar('0'))
                              .arg(font.family());
        }
    }
    for (QQuickItem* child : item->childItems()) check(child, misses);
}

}  // namespace

QStringList missingGlyphs(QQuickWindow* window) {
    QStringList misses;
    if (window) check(window->contentItem(), misses);
    return misses;
}

}  // namespace massho::kiosk::test
