#include "kana_converter.h"

#include <QPromise>
#include <QThread>

#include "kana_text.h"

namespace massho::kiosk {

KanaConverter::KanaConverter(QObject* parent) : QObject(parent) {
    connect(&loading_, &QFutureWatcher<Loaded>::finished, this, [this] {
        if (loading_.future().resultCount() == 0) return;  // a newer load replaced it
        const Loaded loaded = loading_.result();
        dictionary_ = loaded.dictionary;
        error_ = loaded.error;
        emit stateChanged();
        setReading(reading_);  // the dictionary's candidates for what was typed meanwhile
    });
}

KanaConverter::~KanaConverter() = default;

void KanaConverter::setPath(const QString& path) {
    if (path == path_) return;
    path_ = path;
    emit pathChanged();
    if (complete_) load();
}

void KanaConverter::componentComplete() {
    complete_ = true;
    load();
}

void KanaConverter::load() {
    dictionary_.reset();
    error_.clear();
    emit stateChanged();
    // The promise lives with the task: the converter may be gone when it ends (the watcher
    // then only drops the result).
    auto promise = std::make_shared<QPromise<Loaded>>();
    loading_.setFuture(promise->future());
    promise->start();
    // A thread of its own at idle priority (SCHED_IDLE on Linux): reading the dictionary is
    // 0.1-0.16 s of CPU that otherwise takes a processor from the UI thread on a two-core box
    // busy with erasures (KioskFrameTime saw 65-71 ms frames while it loaded at normal
    // priority). Not a pool thread: an unprivileged thread may not be given its priority back.
    QThread* const reader = QThread::create([promise, path = path_] {
        Loaded loaded;
        loaded.dictionary = KanaDictionary::shared(path, &loaded.error);
        if (!loaded.dictionary && loaded.error.isEmpty())
            loaded.error = QStringLiteral("unreadable");
        promise->addResult(loaded);
        promise->finish();
    });
    QObject::connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    reader->start(QThread::IdlePriority);
}

void KanaConverter::type(const QString& kana) {
    setReading(reading_ + kana);
}

void KanaConverter::mark(const QString& which) {
    if (reading_.isEmpty()) return;
    const kana::Mark mark = which == QLatin1String("voiced")        ? kana::Mark::Voiced
                            : which == QLatin1String("semi-voiced") ? kana::Mark::SemiVoiced
                                                                    : kana::Mark::Small;
    QString next = reading_;
    next.back() = kana::withMark(next.back(), mark);
    setReading(next);
}

bool KanaConverter::eraseLast() {
    if (reading_.isEmpty()) return false;
    setReading(reading_.chopped(1));
    return true;
}

void KanaConverter::clear() {
    setReading({});
}

void KanaConverter::setReading(const QString& reading) {
    reading_ = reading;
    candidates_.clear();
    if (!reading_.isEmpty()) {
        if (dictionary_) candidates_ = dictionary_->candidates(reading_);
        for (const QString& own : {reading_, kana::katakanaOf(reading_)})
            if (!candidates_.contains(own)) candidates_.append(own);
    }
    emit readingChanged();
}

}  // namespace massho::kiosk
