import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Free text (a person's name, a section, a place, a key book label, an age key): a text field
// that brings up the kiosk's text keyboard (TextKeyboard.qml: kana with kanji candidates, or
// Latin letters) along the bottom of the window while it has the focus. IDs and passwords are
// typed on the kiosk's own keypad instead (Keypad.qml).
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
        // What the text keyboard (Main.qml) looks for in the focused item, and shows above its keys.
        readonly property bool kioskTextEntry: true
        readonly property string entryLabel: entry.label
        Accessible.role: Accessible.EditableText
        Accessible.name: entry.label
        Accessible.description: text
    }
}
