#include "dbus_types.h"

#include <QDBusMetaType>

namespace massho::service {

void registerDbusTypes() {
    qDBusRegisterMetaType<QVariantMapList>();
    // By its typedef name too: Qt D-Bus finds an output parameter's type by name
    // (Records.GetCheckpoint's cosignatures), and an unknown name makes the call UnknownMethod.
    // By its own name too: Qt D-Bus finds the type of an output argument (a slot's reference
    // parameter, e.g. Ledger.GetMedium's history) by the name written in the signature.
    qRegisterMetaType<QVariantMapList>("QVariantMapList");
}

}  // namespace massho::service
