#pragma once

#include <QElapsedTimer>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QVariantMap>
#include <vector>

namespace massho::kiosk::test {

// Measures the time between frames a Qt Quick window shows (frameSwapped to frameSwapped). With
// the offscreen platform the basic render loop renders on the GUI thread, so a frame late here
// is the UI thread busy or waiting: on the bus, on a disk, on rebuilding a view.
// While it runs, it asks for the next frame after each one, so that frames keep coming even when
// nothing on screen changes.
// A loaded machine delays frames too: a runnable UI thread waits for a processor. The kernel
// counts that wait per thread (/proc/thread-self/schedstat, run-queue delay), so each interval is
// also given without it: "own" time, what the UI thread spent working, sleeping or blocked (on
// the bus, on a disk) — what the kiosk's code decides.
class FrameProbe {
  public:
    void start(QQuickWindow* window);
    // Stops and summarises the intervals in milliseconds: count, max, p50, p90, p99, a histogram
    // ("0-10 ms": n, …, ">=50 ms": n); ownMax and ownP99 (without the run-queue wait), and
    // waitOfMax (the run-queue wait within the longest interval).
    QVariantMap stop();

  private:
    void frameShown();
    // The calling thread's time spent waiting for a processor so far, in nanoseconds.
    static qint64 runQueueWaitNs();

    QPointer<QQuickWindow> window_;
    QMetaObject::Connection connection_;
    QElapsedTimer clock_;
    qint64 lastNs_ = -1;
    qint64 lastWaitNs_ = 0;
    std::vector<double> intervalsMs_;
    std::vector<double> waitsMs_;
};

}  // namespace massho::kiosk::test
