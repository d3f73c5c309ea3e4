#include "massho/records/papers/gui_environment.h"

#include <sys/stat.h>
#include <unistd.h>

#include <QGuiApplication>
#include <string>

#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

int argc = 1;
char name[] = "massho";
char* argv[] = {name, nullptr};

// Qt wants a private runtime folder and warns on stderr without one; give it the one it would
// pick itself, quietly.
void ensureRuntimeDir() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    const std::string dir = "/tmp/runtime-" + std::to_string(::getuid());
    ::mkdir(dir.c_str(), 0700);
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 && st.st_uid == ::getuid() && (st.st_mode & 077) == 0)
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir));
}

}  // namespace

GuiSession::GuiSession() {
    if (QCoreApplication::instance()) {
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            throw RecordsError(
                "rendering a PDF needs a QGuiApplication, but this process started a "
                "QCoreApplication: create a QGuiApplication instead");
        return;
    }
    // No display on the appliance's CLI or in tests: render without one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    ensureRuntimeDir();
    owned_ = std::make_unique<QGuiApplication>(argc, argv);
}

GuiSession::~GuiSession() = default;

}  // namespace massho::records
