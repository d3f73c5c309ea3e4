import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A carried-out medium has come back: how it came back, whether it is crypto-erased now (every
// age header destroyed, then the medium overwritten: recommended, and the default), and the last
// 4 characters typed on the kiosk's keypad. The service matches it to its carry-out, records the
// return and the erasure, and the job is followed to its register entry (JobResult).
Rectangle {
    id: screen
    required property ApplianceClient client
    required property var device
    signal closed()
    objectName: "carry in screen"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Carry in %1").arg(device.path)
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    property string condition: "intact"
    property bool cryptoErase: true
    property string typed: ""

    CarryInFlow {
        id: flow
        client: screen.client
        device: screen.device
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Carry in %1").arg((screen.device.model || screen.device.name) + "  " + screen.device.path)
                font.pixelSize: Theme.titleSize
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "close carry in"
                text: flow.jobPath === "" ? qsTr("Cancel") : qsTr("Close")
                Accessible.name: qsTr("Close the carry-in screen")
                onClicked: screen.closed()
            }
        }

        RowLayout {
            visible: flow.jobPath === ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 2 * Theme.gap
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 560
                spacing: Theme.gap / 2
                Label {
                    text: qsTr("How did it come back?")
                    font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                    Accessible.role: Accessible.Heading; Accessible.name: text
                }
                ChoiceRow {
                    namePrefix: "condition "
                    selected: screen.condition
                    choices: [{ value: "intact", label: qsTr("Intact") },
                              { value: "seal broken", label: qsTr("Seal broken") },
                              { value: "damaged", label: qsTr("Damaged") }]
                    onChosen: (value) => screen.condition = value
                }
                Label {
                    text: qsTr("Erase it now?")
                    font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                    Accessible.role: Accessible.Heading; Accessible.name: text
                }
                ChoiceRow {
                    stacked: true
                    Layout.fillWidth: true
                    namePrefix: "crypto erase "
                    selected: screen.cryptoErase
                    choices: [{ value: true, label: qsTr("Crypto-erase it now (recommended)") },
                              { value: false, label: qsTr("Record the return only") }]
                    onChosen: (value) => screen.cryptoErase = value
                }
                Label {
                    text: screen.cryptoErase
                          ? qsTr("The encrypted package's keys are destroyed, then the whole medium is overwritten. Both are recorded.")
                          : qsTr("The medium keeps what was written on it. Erase it before it is used again.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize; color: Theme.muted
                    Accessible.name: text
                }
                KioskButton {
                    objectName: "record carry in"
                    text: flow.busy ? qsTr("Asking the appliance…") : qsTr("Record the return")
                    enabled: !flow.busy && screen.typed.length > 0
                    onClicked: flow.submit(screen.condition, screen.cryptoErase, screen.typed)
                }
                Label {
                    objectName: "carry in error"
                    visible: text.length > 0
                    text: flow.error
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
            TypedField {
                Layout.alignment: Qt.AlignTop
                label: flow.confirmationSource === "serial"
                       ? qsTr("Last 4 characters of the serial")
                       : qsTr("Last 4 characters of the device name")
                fieldName: "carry in confirmation field"
                value: screen.typed
                onValueChanged: screen.typed = value
            }
        }

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: flow.jobPath !== ""
            sourceComponent: JobResult {
                client: screen.client
                jobPath: flow.jobPath
            }
        }
    }
}
