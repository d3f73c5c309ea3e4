import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A second person logs in at this kiosk (the first stays logged in): their ID and password on the
// kiosk's own keypad, their session their own (SecondPerson). Once in, says who it is and offers
// to log them out again.
ColumnLayout {
    id: secondLogin
    required property SecondPerson person
    property string prompt: ""
    property string userId: ""
    property string password: ""
    property bool typingPassword: false
    spacing: Theme.gap / 2

    Connections {
        target: secondLogin.person
        function onBusyChanged() { if (!secondLogin.person.busy) secondLogin.password = "" }
    }

    Label {
        text: secondLogin.person.loggedIn
              ? qsTr("%1 is logged in here as the second person.").arg(secondLogin.person.user)
              : secondLogin.prompt
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    RowLayout {
        visible: !secondLogin.person.loggedIn
        spacing: Theme.gap / 2
        KioskButton {
            objectName: "second user id field"
            Layout.preferredWidth: 420
            text: qsTr("User ID") + ": " + secondLogin.userId + (secondLogin.typingPassword ? "" : "▏")
            Accessible.name: qsTr("Second person's user ID")
            Accessible.description: secondLogin.userId
            onClicked: secondLogin.typingPassword = false
        }
        KioskButton {
            objectName: "second password field"
            Layout.preferredWidth: 420
            text: qsTr("Password") + ": " + "●".repeat(secondLogin.password.length)
                  + (secondLogin.typingPassword ? "▏" : "")
            Accessible.name: qsTr("Second person's password")
            onClicked: secondLogin.typingPassword = true
        }
    }
    Keypad {
        visible: !secondLogin.person.loggedIn
        onTyped: (character) => {
            if (secondLogin.typingPassword) secondLogin.password += character
            else secondLogin.userId += character
        }
        onErased: {
            if (secondLogin.typingPassword) secondLogin.password = secondLogin.password.slice(0, -1)
            else secondLogin.userId = secondLogin.userId.slice(0, -1)
        }
    }
    KioskButton {
        objectName: secondLogin.person.loggedIn ? "second log out" : "second log in"
        text: secondLogin.person.loggedIn ? qsTr("Log %1 out").arg(secondLogin.person.user)
              : secondLogin.person.busy ? qsTr("Checking…") : qsTr("Log in as the second person")
        enabled: secondLogin.person.loggedIn || (!secondLogin.person.busy
                 && secondLogin.userId.length > 0 && secondLogin.password.length > 0)
        onClicked: {
            if (secondLogin.person.loggedIn) {
                secondLogin.person.logOut()
                secondLogin.userId = ""
                secondLogin.typingPassword = false
            } else {
                secondLogin.person.logIn(secondLogin.userId, secondLogin.password)
            }
        }
    }
    Label {
        objectName: "second login error"
        visible: text.length > 0
        text: secondLogin.person.error
        color: Theme.danger
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        font.pixelSize: Theme.bodySize
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
