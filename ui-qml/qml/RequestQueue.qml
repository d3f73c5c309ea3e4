import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A data manager's queue: the requests waiting for a decision, each with what it asks (device,
// purpose, class, asset, method, who asked) and Approve / Reject. The service refuses what its
// rules forbid (one's own request) and the refusal is shown as it says it.
Rectangle {
    id: queue
    required property ApplianceClient client
    signal closed()
    objectName: "request queue"
    color: Theme.background
    Accessible.role: Accessible.Pane
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath
    Accessible.name: qsTr("Requests waiting for approval")

    ApprovalDesk {
        id: desk
        client: queue.client
        Component.onCompleted: refresh()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Requests waiting for approval")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "refresh requests"
                text: qsTr("Refresh")
                onClicked: desk.refresh()
            }
            KioskButton {
                objectName: "close queue"
                text: qsTr("Close")
                onClicked: queue.closed()
            }
        }
        Label {
            visible: desk.pending.length === 0
            text: qsTr("No request is waiting.")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.name: text
        }
        Label {
            objectName: "queue error"
            visible: text.length > 0
            text: desk.error
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Repeater {
            model: desk.pending
            Rectangle {
                required property var modelData
                objectName: "request " + modelData.id
                Layout.fillWidth: true
                implicitHeight: row.implicitHeight + Theme.gap
                color: Theme.surface
                radius: 6
                Accessible.role: Accessible.Grouping
                Accessible.name: modelData.id
                RowLayout {
                    id: row
                    anchors.fill: parent
                    anchors.margins: Theme.gap / 2
                    spacing: Theme.gap
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("%1: %2 asks to erase %3 (%4, class %5, asset %6, method %7)")
                              .arg(modelData.id).arg(modelData.requester).arg(modelData.device)
                              .arg(modelData.purpose).arg(modelData["class"]).arg(modelData.asset)
                              .arg(modelData.method)
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        Accessible.name: text
                    }
                    KioskButton {
                        objectName: "approve"
                        text: qsTr("Approve")
                        enabled: !desk.busy
                        onClicked: desk.approve(modelData.id)
                    }
                    KioskButton {
                        objectName: "reject"
                        text: qsTr("Reject")
                        enabled: !desk.busy
                        onClicked: desk.reject(modelData.id, qsTr("rejected at the kiosk"))
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
