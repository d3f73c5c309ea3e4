import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A question that needs a yes before something that cannot be undone (cancelling an erasure):
// covers the screen, so nothing behind it can be pressed by mistake.
Rectangle {
    id: dialog
    property string question: ""
    property string yesText: qsTr("Yes")
    property string noText: qsTr("No")
    signal accepted()
    signal rejected()
    objectName: "confirm dialog"
    color: "#e6101418"
    visible: false
    Accessible.role: Accessible.Dialog
    Accessible.name: question

    MouseArea { anchors.fill: parent }  // swallows presses meant for what is behind
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.gap, 900)
        spacing: Theme.gap
        Label {
            text: dialog.question
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "confirm yes"
                text: dialog.yesText
                onClicked: { dialog.visible = false; dialog.accepted() }
            }
            KioskButton {
                objectName: "confirm no"
                text: dialog.noText
                onClicked: { dialog.visible = false; dialog.rejected() }
            }
        }
    }
}
