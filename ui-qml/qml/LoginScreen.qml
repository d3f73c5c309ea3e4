import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Log in: the ID and the password typed on the kiosk's keypad (never a list of IDs: a list would
// tell a passer-by which IDs exist). What the service says when it refuses is shown as it is.
Item {
    id: screen
    required property ApplianceClient client
    required property Language language
    property string userId: ""
    property string password: ""
    property bool typingPassword: false

    function type(character) {
        if (typingPassword) password += character
        else userId += character
    }
    function erase() {
        if (typingPassword) password = password.slice(0, -1)
        else userId = userId.slice(0, -1)
    }

    Connections {
        target: screen.client
        function onSessionChanged() { screen.password = "" }
        function onErrorChanged() { screen.password = "" }
    }

    LanguageButton {
        language: screen.language
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.gap
    }

    LockNotice {
        locked: screen.client.locked
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Theme.gap
    }

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.gap

        Label {
            text: qsTr("Log in")
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        KioskButton {
            objectName: "user id field"
            Layout.preferredWidth: 640
            text: qsTr("User ID") + ": " + screen.userId + (screen.typingPassword ? "" : "▏")
            Accessible.name: qsTr("User ID")
            Accessible.description: screen.userId
            onClicked: screen.typingPassword = false
        }
        KioskButton {
            objectName: "password field"
            Layout.preferredWidth: 640
            text: qsTr("Password") + ": " + "●".repeat(screen.password.length)
                  + (screen.typingPassword ? "▏" : "")
            Accessible.name: qsTr("Password")
            onClicked: screen.typingPassword = true
        }
        Keypad {
            onTyped: (character) => screen.type(character)
            onErased: screen.erase()
        }
        KioskButton {
            objectName: "log in"
            text: screen.client.busy ? qsTr("Checking…") : qsTr("Log in")
            Accessible.name: qsTr("Log in")
            enabled: !screen.client.busy && screen.userId.length > 0 && screen.password.length > 0
            Layout.preferredWidth: 640
            onClicked: screen.client.login(screen.userId, screen.password)
        }
        Label {
            objectName: "login error"
            visible: text.length > 0
            text: screen.client.error
            color: Theme.danger
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            Layout.preferredWidth: 640
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
