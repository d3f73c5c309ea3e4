#include "dbus_types.h"

#include <QDBusMetaType>

namespace massho::service {

void registerDbusTypes() {
    qDBusRegisterMetaType<QVariantMapList>();
    // By its typedef name too: Qt D-Bus finds an output parameter's type by name
    // (Records.GetCheckpoint's cosignatures), and an unknown name makes the call UnknownMethod.
    qRegisterMetaType<QVariantMapList>("QVariantMapList");
}

}  // namespace massho::service
