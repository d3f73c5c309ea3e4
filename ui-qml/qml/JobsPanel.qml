import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Massho.Kiosk

// Every job of the service at once, whoever started it: device, state, pass k/n, share done,
// speed, time left, and once it has ended the result and the register entry that records it.
// The register's own check (an auditor's "verify now") shows as what it is, with no device.
ColumnLayout {
    id: panel
    required property JobList jobList
    spacing: Theme.gap / 2
    // Asked from a row: the home screen confirms a cancel, and opens the result view.
    signal cancelAsked(string path, string device)
    signal resultAsked(string path)

    function percent(job) {
        return job.BytesTotal > 0 ? Math.floor(100 * job.BytesDone / job.BytesTotal) : 0
    }
    function timeLeft(job) {
        if (!job.ExpectedEndAt) return ""
        const seconds = Math.max(0, job.ExpectedEndAt - Date.now() / 1000)
        return qsTr("%1 min left").arg(Math.ceil(seconds / 60))
    }

    Label {
        visible: panel.jobList.count > 0
        text: qsTr("Jobs")
        font.pixelSize: Theme.titleSize
        color: Theme.text
        Accessible.role: Accessible.Heading
    }
    // One delegate per job, kept while the job changes: the model says which row changed.
    Repeater {
        model: panel.jobList
        Rectangle {
            required property var job
            objectName: "job " + job.Device
            Layout.fillWidth: true
            implicitHeight: row.implicitHeight + Theme.gap
            color: Theme.surface
            radius: 6
            Accessible.role: Accessible.ProgressBar
            Accessible.name: (ServiceWords.jobSubject(job) + " " + ServiceWords.jobState(job)).trim()
                             + " " + panel.percent(job) + "%"
            RowLayout {
                id: row
                anchors.fill: parent
                anchors.margins: Theme.gap / 2
                spacing: Theme.gap
                Label {
                    objectName: "subject"
                    visible: text.length > 0
                    text: ServiceWords.jobSubject(job)
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
                Label {
                    objectName: "state"
                    text: ServiceWords.jobState(job)
                    font.pixelSize: Theme.bodySize
                    color: job.State === "failed" || job.State === "interrupted" ? Theme.danger
                         : job.State === "done" ? Theme.ok : Theme.accent
                }
                Label {
                    visible: job.PassCount > 0
                    text: qsTr("pass %1/%2").arg(job.Pass).arg(job.PassCount)
                    font.pixelSize: Theme.bodySize
                    color: Theme.muted
                }
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0; to: 100
                    value: panel.percent(job)
                }
                Label {
                    objectName: "percent"
                    text: panel.percent(job) + "%"
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
                Label {
                    visible: job.State === "running" || job.State === "verifying"
                    text: (job.Rate / 1e6).toFixed(0) + " MB/s  " + panel.timeLeft(job)
                    font.pixelSize: Theme.bodySize
                    color: Theme.muted
                }
                KioskButton {
                    objectName: "cancel"
                    visible: job.Cancellable === true
                             && (job.State === "running" || job.State === "verifying")
                    text: qsTr("Cancel…")
                    Accessible.name: qsTr("Cancel erasing %1").arg(job.Device)
                    onClicked: panel.cancelAsked(job.path, job.Device)
                }
                KioskButton {
                    objectName: "open"
                    text: qsTr("Details")
                    Accessible.name: qsTr("Details of %1").arg(ServiceWords.jobSubject(job)
                                                                || ServiceWords.jobState(job))
                    onClicked: panel.resultAsked(job.path)
                }
                Label {
                    objectName: "entry"
                    visible: job.EntryIndex !== undefined && job.EntryIndex >= 0
                    text: qsTr("Register entry %1").arg(job.EntryIndex)
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
            }
        }
    }
}
