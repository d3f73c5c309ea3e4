import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One attached medium, as the service listed it: what it is, and in plain words whether it may be
// erased and, if not, why and what to do. The service decides eligibility; this only shows it.
Rectangle {
    id: card
    required property var device
    required property bool canErase
    property bool canCarryOut: false
    property bool canCarryIn: false
    signal eraseRequested(string path)
    // The media ledger (LedgerView.qml): people who keep it see what it knows of this medium.
    property ApplianceClient client: null
    property bool canKeepLedger: false
    property int ledgerRevision: 0  // the home screen counts up after a ledger act
    signal ledgerRequested(string path)
    onLedgerRevisionChanged: ledgerDesk.lookUp()

    MediaDesk {
        id: ledgerDesk
        client: card.canKeepLedger ? card.client : null
        devicePath: card.canKeepLedger ? card.device.path : ""
    }
    signal carryOutRequested(string path)
    signal carryInRequested(string path)

    objectName: "card " + device.path
    implicitWidth: 560
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    radius: 8
    color: Theme.surface
    border.color: device.erasable ? Theme.ok : Theme.muted
    border.width: 2
    Accessible.role: Accessible.Grouping
    Accessible.name: (device.model || device.name) + " " + device.path

    function capacity(bytes) {
        const units = ["B", "KB", "MB", "GB", "TB"]
        let value = Number(bytes), unit = 0
        while (value >= 1000 && unit < units.length - 1) { value /= 1000; ++unit }
        return value.toFixed(unit === 0 ? 0 : 1) + " " + units[unit]
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap / 2
        Label {
            text: (card.device.model || card.device.name) + "  " + card.capacity(card.device.size)
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Serial") + ": " + (card.device.serial || "—") + "   "
                  + card.device.path + "   " + card.device.media_type
            font.pixelSize: Theme.bodySize
            color: Theme.muted
        }
        Label {
            objectName: "eligibility"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: card.device.erasable ? qsTr("Can be erased") : card.device.reason
            font.pixelSize: Theme.bodySize
            color: card.device.erasable ? Theme.ok : Theme.danger
            Accessible.name: text
        }
        Label {
            objectName: "ledger state"
            visible: card.canKeepLedger && ledgerDesk.known
            text: qsTr("In the media ledger as %1").arg(ledgerDesk.medium.tag || "")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            Accessible.name: text
        }
        KioskButton {
            objectName: "ledger " + card.device.path
            visible: card.canKeepLedger && ledgerDesk.answered
            text: ledgerDesk.known ? qsTr("Media ledger…") : qsTr("Register in the ledger…")
            Accessible.name: (ledgerDesk.known ? qsTr("Media ledger") : qsTr("Register in the ledger"))
                             + " " + card.device.path
            onClicked: card.ledgerRequested(card.device.path)
        }
        KioskButton {
            objectName: "erase " + card.device.path
            visible: card.canErase && card.device.erasable
            text: qsTr("Erase…")
            Accessible.name: qsTr("Erase") + " " + card.device.path
            onClicked: card.eraseRequested(card.device.path)
        }
        RowLayout {
            visible: card.device.erasable && (card.canCarryOut || card.canCarryIn)
            spacing: Theme.gap / 2
            KioskButton {
                objectName: "carry out " + card.device.path
                visible: card.canCarryOut
                text: qsTr("Carry out…")
                Accessible.name: qsTr("Carry out") + " " + card.device.path
                onClicked: card.carryOutRequested(card.device.path)
            }
            KioskButton {
                objectName: "carry in " + card.device.path
                visible: card.canCarryIn
                text: qsTr("Carry in…")
                Accessible.name: qsTr("Carry in") + " " + card.device.path
                onClicked: card.carryInRequested(card.device.path)
            }
        }
    }
}
