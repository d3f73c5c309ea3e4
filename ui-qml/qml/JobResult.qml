import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One job from start to end: pass k/n, percent, speed, time left and the verification phase
// while it runs (Cancel, after a yes); then the service's one-line result, the register entry
// that records it, and the certificate — issued by a records officer (the person logged in or a
// second person here) and archived by the service, which prints nothing over D-Bus: the view
// says where the PDF is.
Item {
    id: view
    required property ApplianceClient client
    required property string jobPath
    readonly property var job: watch.job
    readonly property bool running: job.State === "running" || job.State === "verifying"
    readonly property bool recorded: job.EntryIndex !== undefined && job.EntryIndex >= 0
    property string certificateMode: ""   // "preview" or "print", once asked
    implicitHeight: content.implicitHeight

    JobWatch { id: watch; path: view.jobPath }
    JobControl { id: control }
    SecondPerson { id: officerPerson }
    CertificateDesk { id: certificates; client: view.client; officer: officerPerson }

    function percent() {
        return job.BytesTotal > 0 ? Math.floor(100 * job.BytesDone / job.BytesTotal) : 0
    }
    function askCertificate(mode) {
        view.certificateMode = mode
        certificates.issue(job.EntryIndex)
    }

    RowLayout {
        id: content
        anchors.fill: parent
        spacing: 2 * Theme.gap

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: Theme.gap / 2
            Label {
                objectName: "job state"
                text: (ServiceWords.jobSubject(view.job) + "  " + ServiceWords.jobState(view.job)).trim()
                font.pixelSize: Theme.titleSize
                color: view.job.State === "done" ? Theme.ok
                     : view.running ? Theme.accent : Theme.danger
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ProgressBar {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch / 2
                from: 0; to: 100
                value: view.percent()
                Accessible.role: Accessible.ProgressBar
                Accessible.name: qsTr("Progress")
            }
            Label {
                objectName: "job progress"
                text: qsTr("%1% done").arg(view.percent())
                      + (view.job.PassCount > 0 ? "   " + qsTr("pass %1/%2").arg(view.job.Pass).arg(view.job.PassCount) : "")
                      + (view.running ? "   " + (view.job.Rate / 1e6).toFixed(0) + " MB/s" : "")
                      + (view.running && view.job.ExpectedEndAt > 0
                         ? "   " + qsTr("%1 min left").arg(Math.ceil(Math.max(0, view.job.ExpectedEndAt - Date.now() / 1000) / 60)) : "")
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Accessible.name: text
            }
            Label {
                visible: view.job.State === "verifying"
                text: qsTr("Reading the medium back to check that nothing of the old data is left.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                Accessible.name: text
            }
            Label {
                objectName: "job result"
                visible: text.length > 0
                text: view.job.Result || ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                color: view.job.State === "done" ? Theme.ok : Theme.danger
                Accessible.name: text
            }
            Label {
                objectName: "result entry"
                visible: view.recorded
                text: qsTr("Recorded as register entry %1").arg(view.job.EntryIndex)
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                Accessible.name: text
            }
            KioskButton {
                objectName: "cancel job"
                visible: view.running && view.job.Cancellable === true
                enabled: !control.busy
                text: qsTr("Cancel erasure…")
                onClicked: confirmCancel.visible = true
            }
            Label {
                visible: text.length > 0
                text: control.error
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            RowLayout {
                // Certificates are of erasures (a carry-out's or carry-in's entry has none).
                visible: view.job.State === "done" && view.recorded && view.job.Operation === "erase"
                spacing: Theme.gap
                KioskButton {
                    objectName: "preview certificate"
                    text: qsTr("Preview certificate")
                    enabled: !certificates.busy
                    onClicked: view.askCertificate("preview")
                }
                KioskButton {
                    objectName: "print certificate"
                    text: qsTr("Print certificate")
                    enabled: !certificates.busy
                    onClicked: view.askCertificate("print")
                }
            }
            Label {
                objectName: "certificate"
                visible: certificates.issueEntry >= 0
                text: (view.certificateMode === "print"
                       ? qsTr("This kiosk cannot send it to a printer yet. The certificate's PDF is stored at %1: print it from there.").arg(certificates.pdfPath)
                       : qsTr("Certificate of erasure for register entry %1: %2, erased by %3. Its issue is recorded as register entry %4; the PDF is stored at %5.")
                             .arg(view.job.EntryIndex).arg(view.job.Device).arg(view.job.Operator)
                             .arg(certificates.issueEntry).arg(certificates.pdfPath))
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Accessible.name: text
            }
            Label {
                objectName: "certificate error"
                visible: text.length > 0
                text: certificates.error
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
        SecondLogin {
            Layout.alignment: Qt.AlignTop
            visible: certificates.error.length > 0 || officerPerson.loggedIn
            person: officerPerson
            prompt: qsTr("Certificates are issued by a records officer: one can log in here, then press the button again.")
        }
    }
    ConfirmDialog {
        id: confirmCancel
        objectName: "job cancel dialog"
        anchors.fill: parent
        question: qsTr("Stop erasing %1? The medium will NOT be erased, and this is recorded.").arg(view.job.Device)
        yesText: qsTr("Yes, stop erasing")
        noText: qsTr("No, keep erasing")
        onAccepted: control.cancel(view.jobPath)
    }
}
