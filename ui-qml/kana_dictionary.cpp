#include "kana_dictionary.h"

#include <iconv.h>

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

namespace massho::kiosk {
namespace {

struct IconvClose {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// EUC-JP to UTF-8 with glibc's iconv (Qt 6.4's QStringDecoder knows no EUC-JP). A line that is
// not EUC-JP is dropped whole, so that one bad entry costs one reading, not the dictionary.
QByteArray utf8FromEucJp(const QByteArray& in, QString* error) {
    iconv_t opened = iconv_open("UTF-8", "EUC-JP");
    // (iconv_t)-1 is how iconv_open says it failed (POSIX): the cast is its API, not ours.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    if (opened == iconv_t(-1)) {
        *error = QStringLiteral("this system's iconv has no EUC-JP");
        return {};
    }
    const std::unique_ptr<void, IconvClose> cd(opened);
    QByteArray out(in.size() * 3 / 2 + 16, Qt::Uninitialized);  // JIS X 0208: 2 bytes → 3
    char* inPtr = const_cast<char*>(in.constData());
    size_t inLeft = static_cast<size_t>(in.size());
    size_t used = 0;
    while (inLeft > 0) {
        char* outPtr = out.data() + used;
        size_t outLeft = static_cast<size_t>(out.size()) - used;
        const size_t rc = iconv(static_cast<iconv_t>(cd.get()), &inPtr, &inLeft, &outPtr, &outLeft);
        used = static_cast<size_t>(outPtr - out.data());
        if (rc != static_cast<size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        // EILSEQ or EINVAL: skip the rest of the input line and forget what it wrote.
        const char* end = static_cast<const char*>(std::memchr(inPtr, '\n', inLeft));
        const size_t skip = end ? static_cast<size_t>(end - inPtr) + 1 : inLeft;
        inPtr += skip;
        inLeft -= skip;
        const auto lineStart = std::string_view(out.constData(), used).rfind('\n');
        used = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    }
    out.truncate(static_cast<qsizetype>(used));
    out.squeeze();
    return out;
}

// "かk": a reading with okurigana (a kana stem and the Latin letter of its ending).
bool hasOkurigana(std::string_view key) {
    return key.size() > 1 && static_cast<unsigned char>(key.front()) >= 0x80 && key.back() >= 'a' &&
           key.back() <= 'z';
}

}  // namespace

KanaDictionary::KanaDictionary(QByteArray text) : text_(std::move(text)) {
    const std::string_view all(text_.constData(), static_cast<size_t>(text_.size()));
    size_t at = 0;
    while (at < all.size()) {
        size_t end = all.find('\n', at);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view line = all.substr(at, end - at);
        const size_t space = line.find(' ');
        // Comments start with ';'; an entry is "READING /candidate/…/".
        if (!line.empty() && line.front() != ';' && space != std::string_view::npos && space > 0 &&
            line.substr(space + 1, 1) == "/" && !hasOkurigana(line.substr(0, space)))
            lines_.push_back({static_cast<quint32>(at), static_cast<quint32>(space)});
        at = end + 1;
    }
    std::stable_sort(lines_.begin(), lines_.end(),
                     [this](const Line& a, const Line& b) { return keyOf(a) < keyOf(b); });
    lines_.shrink_to_fit();
}

std::string_view KanaDictionary::keyOf(const Line& line) const {
    return {text_.constData() + line.start, line.keyLength};
}

std::shared_ptr<const KanaDictionary> KanaDictionary::load(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return nullptr;
    }
    const QByteArray raw = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = file.errorString();
        return nullptr;
    }
    QByteArray text = utf8FromEucJp(raw, error);
    if (text.isEmpty() && !error->isEmpty()) return nullptr;
    std::shared_ptr<const KanaDictionary> dictionary(new KanaDictionary(std::move(text)));
    if (dictionary->readings() == 0) {
        *error = QStringLiteral("no reading in it: not an SKK dictionary");
        return nullptr;
    }
    return dictionary;
}

std::shared_ptr<const KanaDictionary> KanaDictionary::shared(const QString& path, QString* error) {
    // A handful of paths at most (the kiosk has one): kept for the life of the process.
    static std::mutex mutex;
    static std::map<QString, std::shared_ptr<const KanaDictionary>> loaded;
    const std::lock_guard lock(mutex);
    auto found = loaded.find(path);
    if (found != loaded.end()) return found->second;
    auto dictionary = load(path, error);
    if (dictionary) loaded.emplace(path, dictionary);
    return dictionary;
}

QStringList KanaDictionary::candidates(const QString& reading) const {
    const QByteArray wanted = reading.toUtf8();
    const std::string_view key(wanted.constData(), static_cast<size_t>(wanted.size()));
    const auto [first, last] =
        std::equal_range(lines_.begin(), lines_.end(), key, [this](const auto& a, const auto& b) {
            if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Line>)
                return keyOf(a) < b;
            else
                return a < keyOf(b);
        });
    QStringList found;
    for (auto line = first; line != last; ++line) {
        const char* from = text_.constData() + line->start + line->keyLength + 1;
        const char* end = static_cast<const char*>(
            std::memchr(from, '\n', static_cast<size_t>(text_.constData() + text_.size() - from)));
        const std::string_view list(from,
                                    end ? static_cast<size_t>(end - from) : std::strlen(from));
        size_t at = 0;
        while (at < list.size()) {
            size_t slash = list.find('/', at);
            if (slash == std::string_view::npos) slash = list.size();
            std::string_view word = list.substr(at, slash - at);
            word = word.substr(0, word.find(';'));  // "幹事;manager": the note is not the word
            if (!word.empty() && word.front() != '(') {
                const QString candidate =
                    QString::fromUtf8(word.data(), static_cast<qsizetype>(word.size()));
                if (!found.contains(candidate)) found.append(candidate);
            }
            at = slash + 1;
        }
    }
    return found;
}

qsizetype KanaDictionary::bytes() const {
    return text_.capacity() + static_cast<qsizetype>(lines_.capacity() * sizeof(Line));
}

}  // namespace massho::kiosk
