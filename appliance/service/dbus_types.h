#pragma once

#include <QList>
#include <QMetaType>
#include <QVariantMap>

// The D-Bus types of the API (api/*.xml) that Qt has no name for: aa{sv} is a QVariantMapList,
// as the XML's org.qtproject.QtDBus.QtTypeName annotations say. Included by the generated
// adaptors and proxies, so it stays free of anything else.
using QVariantMapList = QList<QVariantMap>;

namespace massho::service {

// Registers the types above with Qt's D-Bus marshalling; call once before using the bus.
void registerDbusTypes();

}  // namespace massho::service
