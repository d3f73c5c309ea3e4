import QtQuick
import QtQuick.Layouts

// The kiosk's own keypad for IDs and passwords (a physical keyboard is not assumed), and the
// Latin half of the text keyboard (TextKeyboard.qml). Each key is a button named by the
// character it types, so that a screen reader, a switch user and a test can find and press it.
ColumnLayout {
    id: keypad
    objectName: "keypad"
    property bool shifted: false
    // The start of each key's objectName ("key a"); the text keyboard's own keypad has another.
    property string keyPrefix: "key "
    signal typed(string character)
    signal erased()
    spacing: Theme.gap / 2

    readonly property var rows: shifted
        ? ["1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM._@"]
        : ["1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm._@"]

    // The same buttons whatever Shift says: only their characters change, so a key stays where
    // the finger (or a switch user's scan) found it.
    Repeater {
        model: keypad.rows.length
        RowLayout {
            id: row
            required property int index
            spacing: Theme.gap / 2
            Repeater {
                model: keypad.rows[row.index].length
                KioskButton {
                    required property int index
                    readonly property string character: keypad.rows[row.index][index]
                    text: character
                    objectName: keypad.keyPrefix + character
                    Layout.preferredWidth: Theme.touch
                    focusPolicy: Qt.NoFocus  // a text field typed into keeps the focus
                    onClicked: keypad.typed(character)
                }
            }
        }
    }
    RowLayout {
        spacing: Theme.gap / 2
        KioskButton {
            text: keypad.shifted ? qsTr("abc") : qsTr("ABC")
            objectName: keypad.keyPrefix + "shift"
            focusPolicy: Qt.NoFocus
            Accessible.name: qsTr("Shift")
            onClicked: keypad.shifted = !keypad.shifted
        }
        KioskButton {
            text: qsTr("Delete")
            objectName: keypad.keyPrefix + "delete"
            focusPolicy: Qt.NoFocus
            onClicked: keypad.erased()
        }
    }
}
