import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Carrying files out on one attached medium, step by step: what (files and folders from the
// folders an administrator allowed, as the service lists them), to whom (receiving offices from
// the key book) and which class, the asset tag (from the media ledger when it knows the medium),
// and a summary with the last 4 characters typed on the kiosk's keypad, because the medium is
// erased first. Then the service is asked: it carries out, or says a data manager must approve
// first (ApprovalStep), and the job is followed to its register entry (JobResult).
Rectangle {
    id: wizard
    required property ApplianceClient client
    required property var device
    signal closed()
    objectName: "carry out wizard"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Carry out on %1").arg(device.path)
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    property var files: []
    property var recipients: []
    property int infoClass: 0
    property string asset: ""
    property string typed: ""
    property int step: 0
    readonly property int lastFormStep: 3
    readonly property string phase: flow.jobPath !== "" ? "job"
                                   : flow.requestId !== "" ? "approval" : "form"

    CarryOutFlow {
        id: flow
        client: wizard.client
        device: wizard.device
        onLedgerAssetChanged: if (wizard.asset === "") wizard.asset = ledgerAsset
    }

    // A list with `value` in or out of it (a new list, so that bindings see the change).
    function toggled(list, value) {
        return list.includes(value) ? list.filter(v => v !== value) : list.concat([value])
    }
    function recipientLabel(name) {
        for (const r of flow.recipients) if (r.name === name) return r.label || r.name
        return name
    }
    // Where it goes, as recorded: the receiving offices chosen.
    function destination() {
        return wizard.recipients.map(n => wizard.recipientLabel(n)).join(", ")
    }
    function fileName(path) {
        for (const s of flow.sources) if (s.path === path) return s.name
        return path
    }
    function size(bytes) {
        const units = ["B", "KB", "MB", "GB"]
        let value = Number(bytes), unit = 0
        while (value >= 1000 && unit < units.length - 1) { value /= 1000; ++unit }
        return value.toFixed(unit === 0 ? 0 : 1) + " " + units[unit]
    }
    function submit() {
        flow.submit(wizard.files, wizard.recipients, wizard.infoClass, wizard.destination(),
                    wizard.asset, wizard.typed)
    }
    function canGoOn() {
        switch (wizard.step) {
        case 0: return wizard.files.length > 0
        case 1: return wizard.recipients.length > 0 && wizard.infoClass > 0
        case 2: return wizard.asset !== ""
        }
        return false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Carry out on %1").arg((wizard.device.model || wizard.device.name) + "  " + wizard.device.path)
                font.pixelSize: Theme.titleSize
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "close carry out"
                text: wizard.phase === "form" ? qsTr("Cancel") : qsTr("Close")
                Accessible.name: qsTr("Close the carry-out wizard")
                onClicked: wizard.closed()
            }
        }

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: wizard.phase === "job" ? jobStep
                           : wizard.phase === "approval" ? approvalStep
                           : [filesStep, recipientStep, assetStep, confirmStep][wizard.step]
        }

        RowLayout {
            visible: wizard.phase === "form"
            spacing: Theme.gap
            KioskButton {
                objectName: "carry out back"
                text: qsTr("Back")
                enabled: wizard.step > 0
                onClicked: wizard.step -= 1
            }
            KioskButton {
                objectName: "carry out next"
                visible: wizard.step < wizard.lastFormStep
                text: qsTr("Next")
                enabled: wizard.canGoOn()
                onClicked: {
                    wizard.step += 1
                    if (wizard.step === wizard.lastFormStep) flow.plan(wizard.infoClass)
                }
            }
        }
    }

    Component {
        id: filesStep
        ColumnLayout {
            spacing: Theme.gap / 2
            Label {
                text: qsTr("What is carried out?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            Label {
                objectName: "sources notice"
                visible: text.length > 0
                text: !flow.sourcesRead ? (flow.error.length > 0 ? "" : qsTr("Asking the appliance…"))
                      : flow.sources.length === 0
                        ? qsTr("No folder is allowed for carry-out, or the allowed folders are empty. Ask an administrator to allow one.")
                        : flow.sourcesTruncated
                          ? qsTr("Only the first 200 entries of a folder are shown. Put the files in a folder of their own and choose the folder.")
                          : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize; color: Theme.muted
                Accessible.name: text
            }
            Flickable {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentHeight: sourceColumn.implicitHeight
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Files and folders that may be carried out")
                Column {
                    id: sourceColumn
                    width: parent.width
                    spacing: Theme.gap / 2
                    Repeater {
                        model: flow.sources
                        KioskButton {
                            required property var modelData
                            objectName: "source " + modelData.path
                            width: sourceColumn.width
                            // The allowed folder by its last name: the full path is in the description.
                            text: (modelData.directory ? qsTr("Folder") + "  " : "")
                                  + modelData.folder.split("/").pop() + "/" + modelData.name
                                  + (modelData.directory ? "" : "  (" + wizard.size(modelData.size) + ")")
                            Accessible.description: modelData.folder
                            checked: wizard.files.includes(modelData.path)
                            Accessible.role: Accessible.CheckBox
                            Accessible.checkable: true
                            Accessible.checked: checked
                            Accessible.name: modelData.name
                            onClicked: wizard.files = wizard.toggled(wizard.files, modelData.path)
                        }
                    }
                }
            }
        }
    }

    Component {
        id: recipientStep
        ColumnLayout {
            spacing: Theme.gap
            Label {
                text: qsTr("Who receives it?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            Label {
                visible: flow.recipients.length === 0
                text: qsTr("The key book has no receiving office. Ask an administrator to add the office's key.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize; color: Theme.muted
                Accessible.name: text
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap / 2
                Repeater {
                    model: flow.recipients
                    KioskButton {
                        required property var modelData
                        objectName: "recipient " + modelData.name
                        text: (modelData.label ? modelData.label + "  " : "") + modelData.name
                        checked: wizard.recipients.includes(modelData.name)
                        Accessible.role: Accessible.CheckBox
                        Accessible.checkable: true
                        Accessible.checked: checked
                        onClicked: wizard.recipients = wizard.toggled(wizard.recipients, modelData.name)
                    }
                }
            }
            Label {
                text: qsTr("Which class of information is it?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "carry class "
                selected: wizard.infoClass
                choices: [1, 2, 3, 4].map(n => ({ value: n, label: qsTr("Class %1").arg(n) }))
                onChosen: (value) => wizard.infoClass = value
            }
            Label {
                text: qsTr("Classes 1 and 2 hold important information. If unsure, ask your data manager.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize; color: Theme.muted
                Accessible.name: text
            }
        }
    }

    Component {
        id: assetStep
        RowLayout {
            spacing: 2 * Theme.gap
            Label {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 420
                text: flow.ledgerAsset !== ""
                      ? qsTr("The media ledger knows this medium as %1.").arg(flow.ledgerAsset)
                      : qsTr("Type the asset tag on the medium's label. A medium not in the media ledger is registered under it.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize; color: Theme.text
                Accessible.name: text
            }
            TypedField {
                Layout.alignment: Qt.AlignTop
                label: qsTr("Asset tag")
                fieldName: "carry asset field"
                value: wizard.asset
                onValueChanged: wizard.asset = value
            }
        }
    }

    Component {
        id: confirmStep
        RowLayout {
            spacing: 2 * Theme.gap
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 480
                spacing: Theme.gap / 2
                Label {
                    objectName: "carry out summary"
                    text: qsTr("Files: %1").arg(wizard.files.map(p => wizard.fileName(p)).join(", ")) + "\n"
                          + qsTr("To: %1").arg(wizard.destination()) + "\n"
                          + qsTr("Class: %1").arg(wizard.infoClass) + "\n"
                          + qsTr("Asset tag: %1").arg(wizard.asset)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize; color: Theme.text
                    Accessible.name: text
                }
                Label {
                    text: qsTr("The medium is erased first, then the files are written to it encrypted for the receiving office only.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize; color: Theme.muted
                    Accessible.name: text
                }
                Label {
                    objectName: "carry approval notice"
                    visible: flow.approvalRequired
                    text: qsTr("A data manager must approve this carry-out first.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize; color: Theme.accent
                    Accessible.name: text
                }
                KioskButton {
                    objectName: "submit carry out"
                    text: flow.busy ? qsTr("Asking the appliance…")
                          : flow.approvalRequired ? qsTr("Ask for approval") : qsTr("Carry out now")
                    enabled: !flow.busy && wizard.typed.length > 0
                    onClicked: wizard.submit()
                }
                Label {
                    objectName: "carry out error"
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
                fieldName: "carry confirmation field"
                value: wizard.typed
                onValueChanged: wizard.typed = value
            }
        }
    }

    Component {
        id: approvalStep
        ApprovalStep {
            client: wizard.client
            requestId: flow.requestId
            startText: qsTr("Carry out now")
            waitingText: qsTr("A data manager must approve this carry-out. They can log in here as the second person, or approve it later from their own queue; then press Carry out now.")
            approvedText: qsTr("The data manager approved it. Press Carry out now to start.")
            rejectedText: qsTr("The data manager rejected it. Nothing was written; close this and ask them why.")
            onEraseNow: wizard.submit()
        }
    }

    Component {
        id: jobStep
        JobResult {
            client: wizard.client
            jobPath: flow.jobPath
        }
    }

    Label {
        // Errors of the approval phase (StartCarryOut with the request) show here too.
        objectName: "carry out phase error"
        visible: wizard.phase !== "form" && flow.error.length > 0
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        text: flow.error
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.bodySize
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
