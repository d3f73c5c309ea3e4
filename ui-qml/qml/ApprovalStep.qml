import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The erasure waits for a data manager: one can approve or reject it here as the second person
// (the operator stays logged in), or later from their own queue. The service refuses what its
// rules forbid — one's own request above all — and the refusal is shown as it says it.
RowLayout {
    id: step
    required property ApplianceClient client
    required property string requestId
    property bool approved: false
    property bool rejected: false
    // What the act is called and what the person reads, for an erasure unless told otherwise
    // (the carry-out wizard tells its own).
    property string startText: qsTr("Erase now")
    property string waitingText: qsTr("A data manager must approve this erasure. They can log in here as the second person, or approve it later from their own queue; then press Erase now.")
    property string approvedText: qsTr("The data manager approved it. Press Erase now to start.")
    property string rejectedText: qsTr("The data manager rejected it. The medium was not erased; close this and ask them why.")
    signal eraseNow()
    spacing: 2 * Theme.gap

    SecondPerson { id: approverPerson }
    ApprovalDesk {
        id: desk
        client: step.client
        approver: approverPerson
        onDecided: (id, yes) => {
            if (id !== step.requestId) return
            step.approved = yes
            step.rejected = !yes
            approverPerson.logOut()  // the decision is made: the operator's kiosk again
        }
    }

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: 500
        spacing: Theme.gap
        Label {
            text: step.approved ? qsTr("Approved")
                  : step.rejected ? qsTr("Rejected") : qsTr("Waiting for approval")
            font.pixelSize: Theme.titleSize
            color: step.rejected ? Theme.danger : step.approved ? Theme.ok : Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "request id"
            text: qsTr("Request %1").arg(step.requestId)
            font.pixelSize: Theme.bodySize
            color: Theme.text
            Accessible.name: text
        }
        Label {
            text: step.approved ? step.approvedText
                  : step.rejected ? step.rejectedText : step.waitingText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.name: text
        }
        RowLayout {
            visible: approverPerson.loggedIn && !step.approved && !step.rejected
            spacing: Theme.gap
            KioskButton {
                objectName: "approve"
                text: qsTr("Approve")
                enabled: !desk.busy
                onClicked: desk.approve(step.requestId)
            }
            KioskButton {
                objectName: "reject"
                text: qsTr("Reject")
                enabled: !desk.busy
                onClicked: desk.reject(step.requestId, qsTr("rejected at the kiosk"))
            }
        }
        Label {
            objectName: "approval error"
            visible: text.length > 0
            text: desk.error
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        KioskButton {
            objectName: "erase now"
            visible: !step.rejected && !approverPerson.loggedIn
            text: step.startText
            onClicked: step.eraseNow()
        }
    }
    SecondLogin {
        Layout.alignment: Qt.AlignTop
        visible: !step.approved && !step.rejected
        person: approverPerson
        prompt: qsTr("Data manager: log in here to decide.")
    }
}
