// The service tests talk D-Bus through Qt, which needs an application object (its D-Bus thread
// and event dispatch) before the first connection.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "dbus_types.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    massho::service::registerDbusTypes();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
