#include "dbus_types.h"

#include <QDBusMetaType>

namespace massho::service {

void registerDbusTypes() {
    qDBusRegisterMetaType<QVariantMapList>();
    // By its own name too: Qt D-Bus finds the type of an output argument (a slot's reference
    // parameter, e.g. Ledger.GetMedium's history) by the name written in the signature.
    qRegisterMetaType<QVariantMapList>("QVariantMapList");
}

}  // namespace massho::service
