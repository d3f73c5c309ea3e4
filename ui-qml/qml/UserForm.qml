import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// An administrator adds a person: the ID and the first password on the kiosk's keypad (the
// password shown as dots, sent once, never kept), the name as free text on the text keyboard
// (kana and kanji), and the roles. The service checks the ID, the password rules and the role of who asks.
Rectangle {
    id: form
    required property AdminDesk desk
    signal closed()
    objectName: "user form"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Add a user")
    MouseArea { anchors.fill: parent }  // presses stop here

    property string userId: ""
    property string password: ""
    property bool typingPassword: false
    property var roles: []

    readonly property var roleChoices: ServiceWords.roles.map(
        (role) => ({ value: role, label: ServiceWords.roleName(role) }))
    function toggleRole(role) {
        const at = roles.indexOf(role)
        const next = roles.slice()
        if (at >= 0) next.splice(at, 1)
        else next.push(role)
        roles = next
    }

    Connections {
        target: form.desk
        function onChanged(what, subject) {
            if (what === "user-added") form.closed()
        }
        function onErrorChanged() { form.password = "" }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 2 * Theme.gap

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            spacing: Theme.gap / 2
            Label {
                text: qsTr("Add a user")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "new user id field"
                Layout.fillWidth: true
                text: qsTr("User ID") + ": " + form.userId + (form.typingPassword ? "" : "▏")
                Accessible.name: qsTr("User ID")
                Accessible.description: form.userId
                onClicked: form.typingPassword = false
            }
            TextEntry {
                Layout.fillWidth: true
                label: qsTr("Name (as it appears in the register)")
                fieldName: "new user name field"
                id: nameEntry
            }
            GridLayout {
                columns: 2
                rowSpacing: Theme.gap / 2
                columnSpacing: Theme.gap / 2
                Repeater {
                    model: form.roleChoices
                    KioskButton {
                        required property var modelData
                        objectName: "role " + modelData.value
                        Layout.fillWidth: true
                        text: modelData.label
                        checked: form.roles.indexOf(modelData.value) >= 0
                        Accessible.role: Accessible.CheckBox
                        Accessible.checkable: true
                        Accessible.checked: checked
                        // Qt 6.4 does not tell AT-SPI that it is checked: the name says it.
                        Accessible.name: checked ? qsTr("%1 (selected)").arg(text) : text
                        onClicked: form.toggleRole(modelData.value)
                    }
                }
            }
            KioskButton {
                objectName: "new user password field"
                Layout.fillWidth: true
                text: qsTr("First password") + ": " + "●".repeat(form.password.length)
                      + (form.typingPassword ? "▏" : "")
                Accessible.name: qsTr("First password")
                onClicked: form.typingPassword = true
            }
            RowLayout {
                KioskButton {
                    objectName: "add user"
                    text: form.desk.busy ? qsTr("Adding…") : qsTr("Add user")
                    Accessible.name: qsTr("Add user")
                    enabled: !form.desk.busy && form.userId.length > 0
                             && form.password.length > 0 && form.roles.length > 0
                    onClicked: form.desk.addUser(form.userId, nameEntry.value, form.roles, "",
                                                 form.password)
                }
                KioskButton {
                    objectName: "cancel add user"
                    text: qsTr("Cancel")
                    onClicked: form.closed()
                }
            }
            Label {
                objectName: "user form error"
                visible: text.length > 0
                text: form.desk.error
                color: Theme.danger
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
        Keypad {
            Layout.alignment: Qt.AlignTop
            onTyped: (character) => {
                if (form.typingPassword) form.password += character
                else form.userId += character
            }
            onErased: {
                if (form.typingPassword) form.password = form.password.slice(0, -1)
                else form.userId = form.userId.slice(0, -1)
            }
        }
    }
}
