import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The administrator's screens: the accounts (with the dormant IDs marked, as massho user list
// --dormant shows them; add, disable, enable), the key book of carry-out recipients (add,
// remove), and massho.conf's settings in effect (read only). Every change is the service's act,
// recorded in the register; a refusal (not an administrator, the last administrator) is shown as
// it says it, in the language chosen.
Rectangle {
    id: screen
    required property ApplianceClient client
    signal closed()
    objectName: "admin screen"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Administration")
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    // "users", "keys" or "policy".
    property string section: "users"
    property bool dormantOnly: false
    property string notice: ""

    AdminDesk {
        id: desk
        client: screen.client
        Component.onCompleted: refresh()
        onChanged: (what, subject) => {
            screen.notice = what === "user-added" ? qsTr("Added %1.").arg(subject)
                : what === "user-disabled" ? qsTr("Disabled %1.").arg(subject)
                : what === "user-enabled" ? qsTr("Enabled %1 again.").arg(subject)
                : what === "recipient-added" ? qsTr("Added %1 to the key book.").arg(subject)
                : qsTr("Removed %1 from the key book.").arg(subject)
        }
    }
    property alias desk: desk

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap / 2

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Administration")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "admin section "
                selected: screen.section
                choices: [
                    { value: "users", label: qsTr("Users") },
                    { value: "keys", label: qsTr("Key book") },
                    { value: "policy", label: qsTr("Policy") }
                ]
                onChosen: (value) => { screen.section = value; screen.notice = "" }
            }
            KioskButton {
                objectName: "refresh admin"
                text: qsTr("Refresh")
                onClicked: desk.refresh()
            }
            KioskButton {
                objectName: "close admin"
                text: qsTr("Close")
                onClicked: screen.closed()
            }
        }
        Label {
            objectName: "admin notice"
            visible: text.length > 0
            text: screen.notice
            color: Theme.ok
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "admin error"
            visible: text.length > 0 && !userForm.active
            text: desk.error
            color: Theme.danger
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        // --- Users --------------------------------------------------------------------------
        RowLayout {
            visible: screen.section === "users"
            KioskButton {
                objectName: "open add user"
                text: qsTr("Add a user")
                onClicked: { screen.notice = ""; userForm.active = true }
            }
            KioskButton {
                objectName: "dormant only"
                text: qsTr("Only dormant IDs")
                checked: screen.dormantOnly
                Accessible.role: Accessible.CheckBox
                Accessible.checkable: true
                Accessible.checked: checked
                Accessible.name: checked ? qsTr("%1 (selected)").arg(text) : text
                onClicked: screen.dormantOnly = !screen.dormantOnly
            }
        }
        // Every row made at once (a few dozen accounts): each is there for a screen reader.
        Flickable {
            objectName: "user list"
            property alias count: userRows.count
            visible: screen.section === "users"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: userColumn.implicitHeight
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Users")
            Column {
                id: userColumn
                width: parent.width
                spacing: Theme.gap / 2
                Repeater {
                    id: userRows
                    model: desk.users.filter((u) => !screen.dormantOnly || u.dormant)
                    delegate: Rectangle {
                        required property var modelData
                        width: userColumn.width
                        height: Math.max(Theme.touch, userText.implicitHeight) + Theme.gap
                        color: Theme.surface
                        radius: 6
                        RowLayout {
                            anchors.fill: parent
                            anchors.margins: Theme.gap / 2
                            Label {
                                id: userText
                                objectName: "user " + modelData.id
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.bodySize
                                color: modelData.disabled ? Theme.muted : Theme.text
                                text: modelData.id + "  " + modelData.name + "  ("
                                      + ServiceWords.roleNames(modelData.roles) + ")  "
                                      + (modelData.disabled ? qsTr("disabled") : qsTr("active"))
                                      + "  " + qsTr("last login: %1").arg(
                                            modelData.last_login === "" ? qsTr("never")
                                                                        : JapanTime.date(modelData.last_login))
                                      + (modelData.dormant ? "  " + qsTr("DORMANT") : "")
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            KioskButton {
                                objectName: (modelData.disabled ? "enable " : "disable ") + modelData.id
                                text: modelData.disabled ? qsTr("Enable") : qsTr("Disable")
                                Accessible.name: (modelData.disabled ? qsTr("Enable %1")
                                                                     : qsTr("Disable %1")).arg(modelData.id)
                                enabled: !desk.busy
                                onClicked: { screen.notice = ""; desk.setUserEnabled(modelData.id, modelData.disabled) }
                            }
                        }
                    }
                }
            }
        }

        // --- Key book -----------------------------------------------------------------------
        Flickable {
            objectName: "recipient list"
            property alias count: keyRows.count
            visible: screen.section === "keys"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: keyColumn.implicitHeight
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Key book")
            Column {
                id: keyColumn
                width: parent.width
                spacing: Theme.gap / 2
                Repeater {
                    id: keyRows
                    model: desk.recipients
                    delegate: Rectangle {
                        required property var modelData
                        width: keyColumn.width
                        height: Math.max(Theme.touch, keyText.implicitHeight) + Theme.gap
                        color: Theme.surface
                        radius: 6
                        RowLayout {
                            anchors.fill: parent
                            anchors.margins: Theme.gap / 2
                            Label {
                                id: keyText
                                objectName: "recipient " + modelData.name
                                Layout.fillWidth: true
                                wrapMode: Text.WrapAnywhere
                                font.pixelSize: Theme.bodySize
                                color: Theme.text
                                text: modelData.name + "  " + modelData.label + "\n" + modelData.public_key
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            KioskButton {
                                objectName: "remove " + modelData.name
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove %1").arg(modelData.name)
                                enabled: !desk.busy
                                onClicked: { screen.notice = ""; desk.removeRecipient(modelData.name) }
                            }
                        }
                    }
                }
            }
        }
        RowLayout {
            visible: screen.section === "keys"
            Layout.fillWidth: true
            TextEntry {
                id: keyName
                label: qsTr("Name")
                fieldName: "recipient name field"
                Layout.preferredWidth: 240
            }
            TextEntry {
                id: keyValue
                label: qsTr("age public key (age1…)")
                fieldName: "recipient key field"
                Layout.fillWidth: true
            }
            TextEntry {
                id: keyLabel
                label: qsTr("Office")
                fieldName: "recipient label field"
                Layout.preferredWidth: 280
            }
            KioskButton {
                objectName: "add recipient"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("Add")
                Accessible.name: qsTr("Add to the key book")
                enabled: !desk.busy && keyName.value.length > 0 && keyValue.value.length > 0
                onClicked: {
                    screen.notice = ""
                    desk.addRecipient(keyName.value, keyValue.value, keyLabel.value)
                }
            }
        }

        // --- Policy -------------------------------------------------------------------------
        Label {
            visible: screen.section === "policy"
            text: qsTr("massho.conf in effect (read only; the administrator changes the file)")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.name: text
        }
        ListView {
            objectName: "policy list"
            visible: screen.section === "policy"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: desk.policy
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Policy")
            delegate: Label {
                required property var modelData
                objectName: "setting " + modelData.section + "." + modelData.key
                width: ListView.view.width
                height: Theme.touch * 0.75
                verticalAlignment: Text.AlignVCenter
                font.pixelSize: Theme.bodySize
                color: Theme.text
                text: "[" + modelData.section + "] " + modelData.key + " = " + modelData.value
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }

    Loader {
        id: userForm
        anchors.fill: parent
        active: false
        sourceComponent: UserForm {
            desk: screen.desk
            onClosed: userForm.active = false
        }
    }
}
