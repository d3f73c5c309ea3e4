// The kiosk's QML tests (tst_*.qml) against a real masshod on a private bus, with a real loop
// device attached: what the kiosk shows is what the service answered.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"
#include "service_fixture.h"

// cppcheck-suppress unknownMacro ; Qt's static-plugin import, a macro cppcheck's qt library lacks
Q_IMPORT_QML_PLUGIN(Massho_KioskPlugin)

namespace {

// What the QML tests may ask of their surroundings (context property `testbed`).
class Testbed : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool ready MEMBER ready CONSTANT)
    Q_PROPERTY(QString skipReason MEMBER skipReason CONSTANT)
    Q_PROPERTY(QString devicePath MEMBER devicePath CONSTANT)
    Q_PROPERTY(QString password MEMBER password CONSTANT)
    // Where the tests save screenshots of the screens they reach ($MASSHO_SCREENSHOTS), or "".
    Q_PROPERTY(QString screenshotDir MEMBER screenshotDir CONSTANT)

  public:
    // Saves the window as screenshotDir/NAME.png (QQuickWindow::grabWindow: works offscreen).
    Q_INVOKABLE bool saveScreenshot(QObject* window, const QString& name) const {
        auto* quickWindow = qobject_cast<QQuickWindow*>(window);
        return quickWindow && !screenshotDir.isEmpty() &&
               quickWindow->grabWindow().save(screenshotDir + "/" + name + ".png");
    }

    // Starts an erasure of `device` as `user` from another kiosk (its own connection), as a
    // colleague at the next screen would; returns "" or the service's reason.
    Q_INVOKABLE QString startErase(const QString& user, const QString& device) {
        return startEraseWith(user, device, QStringLiteral("zero"), QStringLiteral("KIOSK-1"));
    }
    Q_INVOKABLE QString startEraseWith(const QString& user, const QString& device,
                                       const QString& method, const QString& asset) {
        QDBusConnection other = QDBusConnection::connectToBus(
            qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("other-kiosk"));
        ManagerProxy manager(massho::service::test::kBusName, massho::service::test::kManagerPath,
                             other);
        manager.GetDevices().waitForFinished();  // the service lists devices attached since
        auto login = manager.Login(user, password);
        login.waitForFinished();
        if (login.isError()) return login.error().message();
        SessionProxy session(massho::service::test::kBusName, login.value().path(), other);
        auto started = session.StartErase(device, method, "reuse", 4, asset, "", {});
        started.waitForFinished();
        if (started.isError()) return started.error().message();
        lastJob = started.value().path();
        return {};
    }

    // Cancels the job startEraseWith started last, as its operator at the other kiosk would;
    // returns "" or the service's reason.
    Q_INVOKABLE QString cancelLastJob() {
        QDBusConnection other = QDBusConnection::connectToBus(
            qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("other-kiosk"));
        JobProxy job(massho::service::test::kBusName, lastJob, other);
        auto cancelled = job.Cancel();
        cancelled.waitForFinished();
        return cancelled.isError() ? cancelled.error().message() : QString();
    }

    // Attaches another loop device of `mebibytes` (a medium of its own, so that each test's ledger
    // row is its own); the service lists it at its next look. Its path, or "" when it failed.
    Q_INVOKABLE QString attachDevice(int mebibytes) {
        try {
            const auto image = tmp / ("extra-" + std::to_string(extra.size()) + ".img");
            extra.push_back(std::make_unique<massho::testsupport::LoopDevice>(
                image, static_cast<uint64_t>(mebibytes) * 1024 * 1024));
            return QString::fromStdString(extra.back()->path());
        } catch (const std::exception&) {
            return {};
        }
    }

    bool ready = false;
    QString lastJob;
    std::filesystem::path tmp;
    std::vector<std::unique_ptr<massho::testsupport::LoopDevice>> extra;
    QString skipReason;
    QString devicePath;
    QString password = QString::fromStdString(massho::service::test::kPassword);
    QString screenshotDir = qEnvironmentVariable("MASSHO_SCREENSHOTS");
};

class Setup : public QObject {
    Q_OBJECT

  public slots:
    void applicationAvailable() {
        if (!massho::testsupport::canUseLoopDevices()) {
            testbed_.skipReason = "needs root and /dev/loop-control (run as root)";
            return;
        }
        try {
            service_ = std::make_unique<massho::service::test::ServiceFixture>();
            service_->startService();
            // The kiosk talks to "the system bus": here, the private one masshod serves.
            qputenv("DBUS_SYSTEM_BUS_ADDRESS", service_->busAddress().toUtf8());
            device_ = std::make_unique<massho::testsupport::LoopDevice>(tmp_ / "medium.img",
                                                                        16 * 1024 * 1024);
            testbed_.devicePath = QString::fromStdString(device_->path());
            testbed_.tmp = tmp_.path();
            testbed_.ready = true;
        } catch (const std::exception& e) {
            testbed_.skipReason = QStringLiteral("the test bed did not start: %1").arg(e.what());
        }
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("testbed"), &testbed_);
    }
    void cleanupTestCase() {
        testbed_.extra.clear();
        device_.reset();
        service_.reset();
    }

  private:
    massho::testsupport::TempDir tmp_;
    std::unique_ptr<massho::service::test::ServiceFixture> service_;
    std::unique_ptr<massho::testsupport::LoopDevice> device_;
    Testbed testbed_;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(kiosk, Setup)

#include "kiosk_test_main.moc"
