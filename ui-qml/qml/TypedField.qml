import QtQuick
import QtQuick.Layouts

// A short text typed on the kiosk's own keypad (asset tags, confirmations): the field shows what
// was typed and reads it out by name; no system keyboard is needed.
ColumnLayout {
    id: field
    property string label: ""
    property string value: ""
    property string fieldName: ""
    spacing: Theme.gap / 2

    KioskButton {
        objectName: field.fieldName
        Layout.preferredWidth: 720
        text: field.label + ": " + field.value + "▏"
        Accessible.name: field.label
        Accessible.description: field.value
    }
    Keypad {
        onTyped: (character) => field.value += character
        onErased: field.value = field.value.slice(0, -1)
    }
}
