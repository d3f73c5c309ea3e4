import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic

// The kiosk's window: the login screen, or the home screen of whoever is logged in.
ApplicationWindow {
    id: window
    width: 1280
    height: 720
    visible: true
    title: qsTr("Massho")
    color: Theme.background

    property alias client: appliance

    ApplianceClient { id: appliance }
    Language { id: kioskLanguage }
    property alias language: kioskLanguage

    // Locks after the service's idle minutes without a touch; jobs keep running (LockNotice).
    property int idleIntervalMs: appliance.idleMinutes * 60 * 1000
    IdleLock {
        active: appliance.loggedIn
        interval: window.idleIntervalMs
        onIdle: appliance.lock()
    }

    Loader {
        anchors.fill: parent
        sourceComponent: appliance.loggedIn ? home : login
    }
    // The text keyboard for the free-text field that has the focus (TextEntry.qml), over the
    // bottom edge.
    TextKeyboard {
        z: 100
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        field: window.activeFocusItem && window.activeFocusItem.kioskTextEntry === true
               ? window.activeFocusItem : null
    }
    Component {
        id: login
        LoginScreen { client: appliance; language: kioskLanguage }
    }
    Component {
        id: home
        HomeScreen { client: appliance; language: kioskLanguage }
    }
}
