#pragma once

#include <gtest/gtest.h>

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QString>

#include "job_proxy.h"
#include "service_fixture.h"

namespace massho::service::test {

// Waits until the job at `path` has ended (any state but running and verifying); its state.
inline QString waitForEnd(const QDBusConnection& bus, const QDBusObjectPath& path,
                          std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
    JobProxy job(kBusName, path.path(), bus);
    QString state;
    const bool ended = ServiceFixture::waitFor(
        [&] {
            state = job.state();
            return state != "running" && state != "verifying" && !state.isEmpty();
        },
        timeout);
    EXPECT_TRUE(ended) << path.path().toStdString() << " still " << state.toStdString();
    return state;
}

}  // namespace massho::service::test
