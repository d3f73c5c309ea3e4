#include "dbus_types.h"

#include <QDBusMetaType>

namespace massho::service {

void registerDbusTypes() {
    qDBusRegisterMetaType<QVariantMapList>();
    // By its typedef name too: Qt D-Bus finds the type of an output argument (a slot's
    // reference parameter: Records.GetCheckpoint's cosignatures, Ledger.GetMedium's history) by
    // the name written in the signature, and an unknown name makes the call UnknownMethod.
    qRegisterMetaType<QVariantMapList>("QVariantMapList");
}

}  // namespace massho::service
