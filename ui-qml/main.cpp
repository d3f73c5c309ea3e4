// massho-kiosk: the touchscreen front-end (ui-qml/README.md). Unprivileged; talks only to
// masshod over the system bus.
#include <QtQml/qqmlextensionplugin.h>

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <cstdio>

// cppcheck-suppress unknownMacro ; Qt's static-plugin import, a macro cppcheck's qt library lacks
Q_IMPORT_QML_PLUGIN(Massho_KioskPlugin)

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName("massho-kiosk");
    QCoreApplication::setApplicationVersion(MASSHO_VERSION);
    QQuickStyle::setStyle("Basic");  // the project's theme on Basic: no hover, no OpenGL needed
    QQmlApplicationEngine engine;
    engine.addImportPath("qrc:/qt/qml");  // Qt 6.4: not a default import path yet
    engine.load(QUrl("qrc:/qt/qml/Massho/Kiosk/Main.qml"));
    if (engine.rootObjects().isEmpty()) return 1;
    // One line in the journal when the first frame is on the screen: the administrator's (and the
    // boot test's) sign that the kiosk is up, not only started.
    if (auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first())) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [window] {
                std::fprintf(stderr, "massho-kiosk: showing its first screen (%dx%d)\n",
                             window->width(), window->height());
            },
            Qt::SingleShotConnection);
    }
    return app.exec();
}
