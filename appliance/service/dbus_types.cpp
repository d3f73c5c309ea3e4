#include "dbus_types.h"

#include <QDBusMetaType>

namespace massho::service {

void registerDbusTypes() {
    qDBusRegisterMetaType<QVariantMapList>();
}

}  // namespace massho::service
