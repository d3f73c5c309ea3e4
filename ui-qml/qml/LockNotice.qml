import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// On the lock screen: that the kiosk locked itself, and that erasures go on — how many and how far,
// without saying whose or which medium (anyone can read a locked screen).
ColumnLayout {
    id: notice
    required property bool locked
    spacing: Theme.gap / 2

    JobList { id: lockJobs; objectName: "lock jobs" }
    readonly property var running: lockJobs.jobs.filter(j => j.State === "running" || j.State === "verifying")

    Label {
        objectName: "lock notice"
        visible: notice.locked
        text: qsTr("The screen locked itself after a time without use. Log in again to go on.")
        wrapMode: Text.Wrap
        Layout.preferredWidth: 260
        font.pixelSize: Theme.bodySize
        color: Theme.accent
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Label {
        objectName: "running on lock"
        visible: notice.running.length > 0
        text: qsTr("Erasures running: %1").arg(notice.running.length)
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Accessible.name: text
    }
    Repeater {
        model: notice.running.length
        ProgressBar {
            required property int index
            Layout.preferredWidth: 260
            from: 0; to: 100
            value: notice.running[index] && notice.running[index].BytesTotal > 0
                   ? 100 * notice.running[index].BytesDone / notice.running[index].BytesTotal : 0
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Erasure %1: %2%").arg(index + 1).arg(Math.floor(value))
        }
    }
}
