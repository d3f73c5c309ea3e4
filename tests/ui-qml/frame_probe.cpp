#include "frame_probe.h"

#include <QFile>
#include <QList>
#include <QVariantList>
#include <algorithm>
#include <cmath>

namespace massho::kiosk::test {

namespace {

double percentile(const std::vector<double>& sorted, double share) {
    if (sorted.empty()) return 0;
    const auto at = static_cast<size_t>(std::ceil(share * static_cast<double>(sorted.size()))) - 1;
    return sorted[std::min(at, sorted.size() - 1)];
}

QVariantMap histogram(const std::vector<double>& intervalsMs) {
    const double bounds[] = {10, 20, 30, 40, 50};
    QVariantMap buckets;
    double lower = 0;
    for (double upper : bounds) {
        const auto n = std::count_if(intervalsMs.begin(), intervalsMs.end(),
                                     [&](double ms) { return ms >= lower && ms < upper; });
        buckets.insert(QStringLiteral("%1-%2 ms").arg(lower).arg(upper), qlonglong(n));
        lower = upper;
    }
    const auto over = std::count_if(intervalsMs.begin(), intervalsMs.end(),
                                    [&](double ms) { return ms >= lower; });
    buckets.insert(QStringLiteral(">=%1 ms").arg(lower), qlonglong(over));
    return buckets;
}

}  // namespace

void FrameProbe::start(QQuickWindow* window) {
    window_ = window;
    intervalsMs_.clear();
    waitsMs_.clear();
    lastNs_ = -1;
    clock_.start();
    // Direct: with the basic render loop the signal comes on the GUI thread, right after the
    // frame; a queued connection would add the event loop's own delay to every interval.
    connection_ = QObject::connect(
        window, &QQuickWindow::frameSwapped, window, [this] { frameShown(); },
        Qt::DirectConnection);
    window->update();
}

qint64 FrameProbe::runQueueWaitNs() {
    // "cpu_ns wait_ns timeslices": schedstat of this thread (the GUI thread, where frames end).
    QFile schedstat(QStringLiteral("/proc/thread-self/schedstat"));
    if (!schedstat.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> fields = schedstat.readLine().split(' ');
    return fields.size() >= 2 ? fields[1].toLongLong() : 0;
}

void FrameProbe::frameShown() {
    const qint64 now = clock_.nsecsElapsed();
    const qint64 wait = runQueueWaitNs();
    if (lastNs_ >= 0) {
        intervalsMs_.push_back(static_cast<double>(now - lastNs_) / 1e6);
        waitsMs_.push_back(static_cast<double>(wait - lastWaitNs_) / 1e6);
    }
    lastNs_ = now;
    lastWaitNs_ = wait;
    if (window_) window_->update();  // the next frame, at the render loop's own pace
}

QVariantMap FrameProbe::stop() {
    QObject::disconnect(connection_);
    std::vector<double> sorted = intervalsMs_;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> own(intervalsMs_.size());
    for (size_t i = 0; i < own.size(); ++i) own[i] = std::max(0.0, intervalsMs_[i] - waitsMs_[i]);
    std::sort(own.begin(), own.end());
    const auto longest = std::max_element(intervalsMs_.begin(), intervalsMs_.end());
    const double waitOfMax =
        longest == intervalsMs_.end() ? 0.0 : waitsMs_[size_t(longest - intervalsMs_.begin())];
    return {{QStringLiteral("count"), qlonglong(sorted.size())},
            {QStringLiteral("ownMax"), own.empty() ? 0.0 : own.back()},
            {QStringLiteral("ownP99"), percentile(own, 0.99)},
            {QStringLiteral("waitOfMax"), waitOfMax},
            {QStringLiteral("max"), sorted.empty() ? 0.0 : sorted.back()},
            {QStringLiteral("p50"), percentile(sorted, 0.50)},
            {QStringLiteral("p90"), percentile(sorted, 0.90)},
            {QStringLiteral("p99"), percentile(sorted, 0.99)},
            {QStringLiteral("histogram"), histogram(intervalsMs_)}};
}

}  // namespace massho::kiosk::test
