// The kiosk's QML tests (tst_*.qml) against a real masshod on a private bus, with a real loop
// device attached: what the kiosk shows is what the service answered.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <unistd.h>

#include <QFile>
#include <QHash>
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QThread>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "frame_probe.h"
#include "glyph_check.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/pullable_disk.h"
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
    // colleague at the next screen would; returns "" or the service's reason. One session per
    // user on that kiosk, kept until the tests end (the service limits open sessions).
    Q_INVOKABLE QString startErase(const QString& user, const QString& device,
                                   const QString& method = QStringLiteral("zero")) {
        return startEraseWith(user, device, method, QStringLiteral("KIOSK-1"));
    }
    Q_INVOKABLE QString startEraseWith(const QString& user, const QString& device,
                                       const QString& method, const QString& asset) {
        QDBusConnection other = QDBusConnection::connectToBus(
            qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("other-kiosk"));
        ManagerProxy manager(massho::service::test::kBusName, massho::service::test::kManagerPath,
                             other);
        manager.GetDevices().waitForFinished();  // the service lists devices attached since
        if (!sessions.contains(user)) {
            auto login = manager.Login(user, password);
            login.waitForFinished();
            if (login.isError()) return login.error().message();
            sessions.insert(user, login.value().path());
        }
        SessionProxy session(massho::service::test::kBusName, sessions.value(user), other);
        auto started = session.StartErase(device, method, "reuse", 4, asset, "", {});
        started.waitForFinished();
        if (started.isError()) return started.error().message();
        lastJob = started.value().path();
        return {};
    }

    // The state and register entry of the job startEraseWith started last ("" / -1 before).
    Q_INVOKABLE QString lastJobState() const { return lastJobProperty("State").toString(); }
    Q_INVOKABLE qlonglong lastJobEntry() const {
        return lastJob.isEmpty() ? -1 : lastJobProperty("EntryIndex").toLongLong();
    }
    QVariant lastJobProperty(const char* name) const {
        QDBusConnection other = QDBusConnection::connectToBus(
            qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("other-kiosk"));
        return lastJob.isEmpty()
                   ? QVariant()
                   : JobProxy(massho::service::test::kBusName, lastJob, other).property(name);
    }
    // What the stand-in lp on masshod's PATH was given last: its arguments, one a line, then
    // "bytes N" for the document it read ("" before anything was printed).
    Q_INVOKABLE QString printed() const {
        QFile args(QString::fromStdString((tmp / "lp-args").string()));
        QFile pdf(QString::fromStdString((tmp / "lp-spooled.pdf").string()));
        if (!args.open(QIODevice::ReadOnly)) return {};
        return QString::fromUtf8(args.readAll()) + QStringLiteral("bytes %1").arg(pdf.size());
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

    // Attaches `count` more media of `megabytes` each (real loop devices over files in memory,
    // so that erasing them keeps the processors, not the build machine's disk, busy); their
    // paths, or none when loop devices cannot be used. Detached when the tests end.
    Q_INVOKABLE QStringList attachMedia(int count, int megabytes) {
        QStringList paths;
        if (!ready) return paths;
        if (!memoryDir) memoryDir = std::make_unique<MemoryDir>();
        for (int i = 0; i < count; ++i) {
            const auto file = memoryDir->path / ("medium-" + std::to_string(media.size()) + ".img");
            media.push_back(std::make_unique<massho::testsupport::LoopDevice>(
                file, uint64_t(megabytes) * 1024 * 1024));
            paths << QString::fromStdString(media.back()->path());
        }
        return paths;
    }

    // Detaches the media attachMedia attached (the service sees them pulled), so that a test
    // that needed many leaves the home screen as it found it.
    Q_INVOKABLE void detachMedia() { media.clear(); }

    // Attaches `count` slow media of `megabytes` each: real loop devices (direct I/O) whose every
    // read and write takes `delayMs` more (nbdkit's delay filter, pullable_disk.h), as a slow
    // disk or a USB stick would: an erasure on them waits on the disk, not on a processor. Their
    // paths, or none without loop devices or nbdkit.
    Q_INVOKABLE QStringList attachSlowMedia(int count, int megabytes, int delayMs) {
        QStringList paths;
        if (!ready || !massho::testsupport::PullableDisk::toolsPresent()) return paths;
        for (int i = 0; i < count; ++i) {
            const auto dir = slowDir.path() / ("slow-" + std::to_string(slowMedia.size()));
            std::filesystem::create_directories(dir);
            slowMedia.push_back(std::make_unique<massho::testsupport::PullableDisk>(
                dir, uint64_t(megabytes) * 1024 * 1024, std::chrono::milliseconds(delayMs)));
            paths << QString::fromStdString(slowMedia.back()->path());
        }
        return paths;
    }

    // The frame-time probe (frame_probe.h) over `window`: start, then stop for the figures
    // (milliseconds: count, max, p50, p90, p99, histogram, ownMax, ownP99, waitOfMax), which stop
    // also prints under `label` with the machine's load average (`load`, one minute; and
    // `processors`): a loaded build machine delays frames too.
    Q_INVOKABLE void startFrameProbe(QObject* window) {
        if (auto* quickWindow = qobject_cast<QQuickWindow*>(window)) frames.start(quickWindow);
    }
    Q_INVOKABLE QVariantMap stopFrameProbe(const QString& label) {
        QVariantMap figures = frames.stop();
        QFile loadavg(QStringLiteral("/proc/loadavg"));
        const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readLine().trimmed()
                                                                  : QByteArray("unknown");
        qInfo(
            "%s: %lld frames, intervals max %.1f ms, p50 %.1f, p90 %.1f, p99 %.1f "
            "(load average %s on %d processors)",
            qPrintable(label), figures["count"].toLongLong(), figures["max"].toDouble(),
            figures["p50"].toDouble(), figures["p90"].toDouble(), figures["p99"].toDouble(),
            load.constData(), QThread::idealThreadCount());
        qInfo(
            "  without waiting for a processor: max %.1f ms, p99 %.1f; the longest interval "
            "waited %.1f ms for one",
            figures["ownMax"].toDouble(), figures["ownP99"].toDouble(),
            figures["waitOfMax"].toDouble());
        const QVariantMap buckets = figures["histogram"].toMap();
        for (auto it = buckets.begin(); it != buckets.end(); ++it)
            qInfo("  %-9s %lld", qPrintable(it.key()), it.value().toLongLong());
        figures.insert(QStringLiteral("load"), load.split(' ').value(0).toDouble());
        figures.insert(QStringLiteral("processors"), QThread::idealThreadCount());
        return figures;
    }

    // Every character the window shows that no installed font can draw (glyph_check.h).
    Q_INVOKABLE QStringList missingGlyphs(QObject* window) const {
        return massho::kiosk::test::missingGlyphs(qobject_cast<QQuickWindow*>(window));
    }

    // What a carry-out needs, as an administrator sets it up: a folder allowed as a source
    // (DATA_DIR/carryout-sources) holding one file, and a receiving office's key in the key book
    // (kita-ward, 北区役所; the private key stays here). The file's path, or "" when that failed.
    Q_INVOKABLE QString prepareCarryOut() {
        const auto share = tmp / "share";
        const auto file = share / "minutes.txt";
        if (std::filesystem::exists(file)) return QString::fromStdString(file.string());
        std::filesystem::create_directories(share);
        std::ofstream(file) << "minutes of the 3rd meeting\n";
        std::ofstream(service->dataDir() / "carryout-sources") << share.string() << "\n";
        const auto key = (tmp / "office.key").string();
        if (massho::testsupport::runCommand({"age-keygen", "-o", key}).exitCode != 0) return {};
        std::string recipient = massho::testsupport::runCommand({"age-keygen", "-y", key}).out;
        recipient.erase(recipient.find_last_not_of('\n') + 1);
        const auto added = massho::testsupport::runCommand(
            {MASSHO_CLI, "--data-dir", service->dataDir().string(), "recipients", "add",
             "kita-ward", recipient, "--label", "北区役所", "--as", "admin", "--password-stdin"},
            massho::service::test::kPassword + "\n");
        return added.exitCode == 0 ? QString::fromStdString(file.string()) : QString();
    }

    // Enables `user` again as the administrator would (`massho user enable`) when a test that
    // disabled it ended before it could: the other tests log in as it. "" when it is enabled.
    Q_INVOKABLE QString ensureEnabled(const QString& user) {
        const std::string dataDir = service->dataDir().string();
        const auto listed =
            massho::testsupport::runCommand({MASSHO_CLI, "--data-dir", dataDir, "user", "list",
                                             "--as", "admin", "--password-stdin"},
                                            massho::service::test::kPassword + "\n");
        const std::string id = user.toStdString();
        bool disabled = false;
        std::istringstream lines(listed.out);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind(id + " ", 0) == 0 && line.find("disabled") != std::string::npos)
                disabled = true;
        if (!disabled) return {};
        const auto enabled =
            massho::testsupport::runCommand({MASSHO_CLI, "--data-dir", dataDir, "user", "enable",
                                             id, "--as", "admin", "--password-stdin"},
                                            massho::service::test::kPassword + "\n");
        return enabled.exitCode == 0 ? QString() : QString::fromStdString(enabled.err);
    }

    // A field of register entry `index` as an auditor reads it.
    Q_INVOKABLE QString entryField(qlonglong index, const QString& field) const {
        return QString::fromStdString(
            massho::records::entryText(service->entry(index), field.toStdString()));
    }

    // A folder in memory (/dev/shm) for the extra media's files, removed with them.
    struct MemoryDir {
        std::filesystem::path path =
            std::filesystem::path("/dev/shm") / ("massho-kiosk-test-" + std::to_string(::getpid()));
        MemoryDir() { std::filesystem::create_directories(path); }
        ~MemoryDir() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
        MemoryDir(const MemoryDir&) = delete;
        MemoryDir& operator=(const MemoryDir&) = delete;
    };

    bool ready = false;
    const massho::service::test::ServiceFixture* service = nullptr;
    QString lastJob;
    std::filesystem::path tmp;
    std::vector<std::unique_ptr<massho::testsupport::LoopDevice>> extra;
    QString skipReason;
    QString devicePath;
    QString password = QString::fromStdString(massho::service::test::kPassword);
    QString screenshotDir = qEnvironmentVariable("MASSHO_SCREENSHOTS");
    QHash<QString, QString> sessions;  // user → session path on "other-kiosk"
    massho::kiosk::test::FrameProbe frames;
    // Declared in this order so that the devices are detached before their folder goes.
    std::unique_ptr<MemoryDir> memoryDir;
    std::vector<std::unique_ptr<massho::testsupport::LoopDevice>> media;
    massho::testsupport::TempDir slowDir;
    std::vector<std::unique_ptr<massho::testsupport::PullableDisk>> slowMedia;
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
            standInPrinter();
            service_->startService();
            // The kiosk talks to "the system bus": here, the private one masshod serves.
            qputenv("DBUS_SYSTEM_BUS_ADDRESS", service_->busAddress().toUtf8());
            device_ = std::make_unique<massho::testsupport::LoopDevice>(tmp_ / "medium.img",
                                                                        16 * 1024 * 1024);
            testbed_.devicePath = QString::fromStdString(device_->path());
            testbed_.tmp = tmp_.path();
            testbed_.service = service_.get();
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
        // The service first: it cancels what still runs and lets go of the media.
        service_.reset();
        testbed_.extra.clear();
        testbed_.media.clear();
        testbed_.slowMedia.clear();
        device_.reset();
    }

  private:
    // A stand-in for CUPS's lp on masshod's PATH (it inherits this process's environment): it
    // keeps its arguments and the document, for Testbed::printed.
    void standInPrinter() {
        const auto bin = tmp_ / "bin";
        std::filesystem::create_directories(bin);
        QFile lp(QString::fromStdString((bin / "lp").string()));
        if (!lp.open(QIODevice::WriteOnly)) return;
        lp.write(QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > '%1'\ncat > '%2'\n"
                                "echo 'request id is kiosk-1'\n")
                     .arg(QString::fromStdString((tmp_ / "lp-args").string()),
                          QString::fromStdString((tmp_ / "lp-spooled.pdf").string()))
                     .toUtf8());
        lp.close();
        std::filesystem::permissions(bin / "lp", std::filesystem::perms::owner_all);
        qputenv("PATH", QByteArray::fromStdString(bin.string()) + ":" + qgetenv("PATH"));
    }

    massho::testsupport::TempDir tmp_;
    std::unique_ptr<massho::service::test::ServiceFixture> service_;
    std::unique_ptr<massho::testsupport::LoopDevice> device_;
    Testbed testbed_;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(kiosk, Setup)

#include "kiosk_test_main.moc"
