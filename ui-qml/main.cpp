// massho-kiosk: the touchscreen front-end (ui-qml/README.md). Unprivileged; talks only to
// masshod over the system bus.
#include <QtQml/qqmlextensionplugin.h>

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

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
    return app.exec();
}
