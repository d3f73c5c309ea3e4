// A stand-in for masshod on the test bus, so that the shipped bus policy can be tested before (and
// apart from) the service itself. Two modes:
//
//   bus_policy_peer own     owns org.massho.Appliance1 on $DBUS_SYSTEM_BUS_ADDRESS and answers
//   every
//                           method call under /org/massho/Appliance1 with the string
//                           "INTERFACE.MEMBER", after emitting org.massho.Appliance1.Job.Completed.
//                           Exits 3 (the bus's error on stderr) when the bus refuses the name.
//   bus_policy_peer listen  subscribes to Job.Completed from org.massho.Appliance1, prints "ready",
//                           then one line per signal; at end of standard input it makes one round
//                           trip to the bus (every signal sent before is then in hand), prints
//                           "end" and exits. The test needs no timeout to show that a signal never
//                           came.
#include <unistd.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QSocketNotifier>
#include <cstdio>

namespace {

const QString kName = QStringLiteral("org.massho.Appliance1");
const QString kPath = QStringLiteral("/org/massho/Appliance1");

class AnswerEveryCall final : public QDBusVirtualObject {
  public:
    QString introspect(const QString&) const override { return {}; }

    bool handleMessage(const QDBusMessage& call, const QDBusConnection& bus) override {
        if (call.type() != QDBusMessage::MethodCallMessage) return false;
        // Signal before reply: the bus routes them in this order, so once the caller has its
        // reply, every allowed listener has the signal in its socket.
        QDBusMessage completed = QDBusMessage::createSignal(
            kPath, QStringLiteral("org.massho.Appliance1.Job"), QStringLiteral("Completed"));
        completed << QStringLiteral("done") << qint64(-1);
        bus.send(completed);
        bus.send(call.createReply(QString(call.interface() + "." + call.member())));
        return true;
    }
};

int own(QCoreApplication& app) {
    QDBusConnection bus = QDBusConnection::systemBus();
    AnswerEveryCall answer;
    if (!bus.isConnected() || !bus.registerService(kName)) {
        std::fprintf(stderr, "cannot own %s: %s: %s\n", qPrintable(kName),
                     qPrintable(bus.lastError().name()), qPrintable(bus.lastError().message()));
        return 3;
    }
    if (!bus.registerVirtualObject(kPath, &answer, QDBusConnection::SubPath)) {
        std::fprintf(stderr, "cannot register %s\n", qPrintable(kPath));
        return 1;
    }
    return app.exec();
}

class SignalPrinter final : public QObject {
    Q_OBJECT
  public slots:
    void print(const QDBusMessage& signal) {
        std::printf("signal %s.%s\n", qPrintable(signal.interface()), qPrintable(signal.member()));
        (void)std::fflush(stdout);  // the test reads the pipe; if it is gone, nobody is told
    }
};

int listen(QCoreApplication& app) {
    QDBusConnection bus = QDBusConnection::systemBus();
    SignalPrinter printer;
    if (!bus.connect(kName, kPath, QStringLiteral("org.massho.Appliance1.Job"),
                     QStringLiteral("Completed"), &printer, SLOT(print(QDBusMessage)))) {
        std::fprintf(stderr, "cannot subscribe: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    // A round trip after AddMatch: the bus has the match rule before the test is told "ready".
    bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus"));
    std::printf("ready\n");
    (void)std::fflush(stdout);  // as in print()
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buf[256];
        if (::read(STDIN_FILENO, buf, sizeof buf) > 0) return;
        input.setEnabled(false);
        bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus"));
        QCoreApplication::processEvents();
        std::printf("end\n");
        (void)std::fflush(stdout);  // as in print()
        app.quit();
    });
    return app.exec();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 2 && args[1] == QLatin1String("own")) return own(app);
    if (args.size() == 2 && args[1] == QLatin1String("listen")) return listen(app);
    std::fprintf(stderr, "usage: bus_policy_peer own|listen\n");
    return 2;
}

#include "bus_policy_peer.moc"
