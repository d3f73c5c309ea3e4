import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The auditor's check: "verify the register now" runs as a job of the service (as massho
// register verify does), its result in the service's words; beside it the latest signed
// checkpoint (size, root hash, time) and the witnesses that cosigned.
Rectangle {
    id: view
    required property ApplianceClient client
    signal closed()
    objectName: "audit view"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Audit the register")
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    AuditDesk {
        id: desk
        client: view.client
        Component.onCompleted: loadCheckpoint()
    }
    JobWatch {
        id: watch
        path: desk.job
        // The checkpoint as it stands when the verification has ended.
        onJobChanged: if (view.ended) desk.loadCheckpoint()
    }
    readonly property string jobState: watch.job.State || ""
    readonly property bool running: jobState === "running" || jobState === "verifying"
    readonly property bool ended: jobState !== "" && !running

    function stateText() {
        if (desk.job === "") return ""
        if (view.running) return qsTr("Verifying the register…")
        if (view.jobState === "done") return qsTr("The register verifies.")
        if (view.jobState === "failed") return qsTr("The register does NOT verify. Report this to the administrator and keep the appliance as it is.")
        return "…"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Audit the register")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "close audit"
                text: qsTr("Close")
                onClicked: view.closed()
            }
        }
        KioskButton {
            objectName: "verify now"
            text: qsTr("Verify the register now")
            enabled: !view.running && !desk.busy
            onClicked: desk.verifyNow()
        }
        Label {
            objectName: "verify state"
            visible: text.length > 0
            text: view.stateText()
            font.pixelSize: Theme.titleSize
            color: view.jobState === "done" ? Theme.ok : view.running ? Theme.accent : Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "verify result"
            visible: view.ended
            // The service's one line: how many entries, checkpoints and signatures were checked.
            text: watch.job.Result || ""
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "audit error"
            visible: text.length > 0
            text: desk.error
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            text: qsTr("Latest checkpoint")
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "checkpoint"
            visible: desk.checkpoint.size !== undefined
            text: qsTr("Size: %1 entries").arg(desk.checkpoint.size) + "\n"
                  + qsTr("Root hash: %1").arg(desk.checkpoint.root) + "\n"
                  + qsTr("Signed after the entry of %1").arg(JapanTime.dateTime(desk.checkpoint.time))
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            text: qsTr("Witnesses")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "no witnesses"
            visible: desk.cosignatures.length === 0
            text: qsTr("No witness has cosigned a checkpoint yet.")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.name: text
        }
        Repeater {
            model: desk.cosignatures
            Label {
                required property var modelData
                text: qsTr("%1 cosigned size %2 at %3").arg(modelData.witness)
                          .arg(modelData.size).arg(JapanTime.dateTime(modelData.time))
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Accessible.name: text
            }
        }
        Item { Layout.fillHeight: true }
    }
}
