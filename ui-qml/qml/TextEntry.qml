import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Free text (a person's name, a key book label, an age key): a text field that brings up Qt's
// virtual keyboard (QT_IM_MODULE=qtvirtualkeyboard, Main.qml's InputPanel) when touched. IDs and
// passwords are typed on the kiosk's own keypad instead (Keypad.qml).
ColumnLayout {
    id: entry
    property string label: ""
    property alias value: input.text
    property string fieldName: ""
    property alias field: input
    spacing: Theme.gap / 4

    Label {
        text: entry.label
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Accessible.ignored: true  // the field carries the name
    }
    TextField {
        id: input
        objectName: entry.fieldName
        Layout.fillWidth: true
        Layout.minimumWidth: 320
        implicitHeight: Theme.touch
        font.pixelSize: Theme.bodySize
        color: "#000000"
        background: Rectangle {
            color: "#ffffff"
            border.color: input.activeFocus ? Theme.accent : Theme.muted
            border.width: input.activeFocus ? 4 : 2
            radius: 4
        }
        // No prediction or automatic capitals: names and keys are written as given.
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        Accessible.role: Accessible.EditableText
        Accessible.name: entry.label
        Accessible.description: text
    }
}
