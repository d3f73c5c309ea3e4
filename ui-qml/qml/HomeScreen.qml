import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The attached media as large cards, appearing and going as media are plugged in and pulled;
// who is logged in, and a logout that is always visible.
Item {
    id: screen
    required property ApplianceClient client
    required property Language language

    JobList { id: jobs }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "signed in as"
                text: qsTr("Signed in as %1").arg(screen.client.user)
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Layout.fillWidth: true
                Accessible.name: text
            }
            LanguageButton { language: screen.language }
            KioskButton {
                objectName: "log out"
                text: qsTr("Log out")
                onClicked: screen.client.logout()
            }
        }
        JobsPanel {
            Layout.fillWidth: true
            jobList: jobs
        }
        Label {
            text: qsTr("Attached media")
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            visible: screen.client.devices.length === 0
            text: qsTr("No medium is attached. Plug in a drive or a USB stick.")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            Repeater {
                model: screen.client.devices
                DeviceCard {
                    required property var modelData
                    device: modelData
                    // Shown to operators only; the service checks the role again on every call.
                    canErase: screen.client.hasRole("operator")
                }
            }
        }
    }
}
