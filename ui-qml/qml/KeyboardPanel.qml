import QtQuick
import QtQuick.VirtualKeyboard

// Qt's virtual keyboard along the bottom of the window, shown while a text field has the focus
// (TextEntry.qml): the kiosk has no physical keyboard. Needs QT_IM_MODULE=qtvirtualkeyboard
// (main.cpp sets it); without it the panel stays hidden.
InputPanel {
    id: panel
    objectName: "input panel"
    visible: active
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("On-screen keyboard")
}
