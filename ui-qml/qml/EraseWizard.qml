import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Erasing one attached medium, step by step: what for and which class, the asset tag (from the
// media ledger when it knows the medium), the method (the service's recommendation chosen, its
// NIST SP 800-88 level in one line), and the last 4 characters of the serial typed on the kiosk's
// keypad. Then the service is asked: it erases, or says a data manager must approve first
// (ApprovalStep), and the job is followed to its result (JobResult). Every rule is the service's.
Rectangle {
    id: wizard
    required property ApplianceClient client
    required property var device
    signal closed()
    objectName: "erase wizard"
    color: Theme.background
    Accessible.role: Accessible.Pane
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath
    Accessible.name: qsTr("Erase %1").arg(device.path)

    property string purpose: ""
    property int infoClass: 0
    property string asset: ""
    property string method: ""
    property string typed: ""
    property int step: 0
    readonly property int lastFormStep: 3
    readonly property string phase: eraseFlow.jobPath !== "" ? "job"
                                   : eraseFlow.requestId !== "" ? "approval" : "form"

    EraseFlow {
        id: eraseFlow
        client: wizard.client
        device: wizard.device
        onLedgerAssetChanged: if (wizard.asset === "") wizard.asset = ledgerAsset
        onLedgerClassChanged: if (ledgerClass > 0) wizard.infoClass = ledgerClass
        onRecommendedChanged: if (wizard.method === "") wizard.method = recommended
    }

    function submit() {
        eraseFlow.submit(wizard.method, wizard.purpose, wizard.infoClass, wizard.asset, wizard.typed)
    }
    function canGoOn() {
        switch (wizard.step) {
        case 0: return wizard.purpose !== "" && wizard.infoClass > 0
        case 1: return wizard.asset !== ""
        case 2: return wizard.method !== ""
        }
        return false
    }
    function methodById(id) {
        for (const m of eraseFlow.methods) if (m.id === id) return m
        return null
    }
    function nistLine(level) {
        switch (level) {
        case "purge": return qsTr("NIST SP 800-88 Purge: the data cannot be recovered even with laboratory tools.")
        case "clear": return qsTr("NIST SP 800-88 Clear: the data cannot be recovered with ordinary tools.")
        }
        return qsTr("Not a NIST SP 800-88 sanitization level for this medium.")
    }
    function purposeText(value) {
        switch (value) {
        case "reuse": return qsTr("Reuse in the office")
        case "disposal": return qsTr("Disposal")
        case "lease-return": return qsTr("Return to the lessor")
        }
        return ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Erase %1").arg((wizard.device.model || wizard.device.name) + "  " + wizard.device.path)
                      + (wizard.device.serial ? "  " + qsTr("Serial") + " " + wizard.device.serial : "")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "close wizard"
                text: wizard.phase === "form" ? qsTr("Cancel") : qsTr("Close")
                Accessible.name: qsTr("Close the erase wizard")
                onClicked: wizard.closed()
            }
        }

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: wizard.phase === "job" ? jobStep
                           : wizard.phase === "approval" ? approvalStep
                           : [purposeStep, assetStep, methodStep, confirmStep][wizard.step]
        }

        RowLayout {
            visible: wizard.phase === "form"
            spacing: Theme.gap
            KioskButton {
                objectName: "wizard back"
                text: qsTr("Back")
                enabled: wizard.step > 0
                onClicked: wizard.step -= 1
            }
            KioskButton {
                objectName: "wizard next"
                visible: wizard.step < wizard.lastFormStep
                text: qsTr("Next")
                enabled: wizard.canGoOn()
                onClicked: {
                    wizard.step += 1
                    if (wizard.step === wizard.lastFormStep) eraseFlow.plan(wizard.purpose, wizard.infoClass)
                }
            }
        }
    }

    Component {
        id: purposeStep
        ColumnLayout {
            spacing: Theme.gap
            Label {
                text: qsTr("Why is it erased?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "purpose "
                selected: wizard.purpose
                choices: [{ value: "reuse", label: wizard.purposeText("reuse") },
                          { value: "disposal", label: wizard.purposeText("disposal") },
                          { value: "lease-return", label: wizard.purposeText("lease-return") }]
                onChosen: (value) => wizard.purpose = value
            }
            Label {
                text: qsTr("Which class of information did it hold?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "class "
                selected: wizard.infoClass
                choices: [1, 2, 3, 4].map(n => ({ value: n, label: qsTr("Class %1").arg(n) }))
                onChosen: (value) => wizard.infoClass = value
            }
            Label {
                text: eraseFlow.ledgerClass > 0
                      ? qsTr("The media ledger records this medium as class %1.").arg(eraseFlow.ledgerClass)
                      : qsTr("Classes 1 and 2 hold important information. If unsure, ask your data manager.")
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
                text: eraseFlow.ledgerAsset !== ""
                      ? qsTr("The media ledger knows this medium as %1.").arg(eraseFlow.ledgerAsset)
                      : qsTr("Type the asset tag on the medium's label. A medium not in the media ledger is registered under it.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize; color: Theme.text
                Accessible.name: text
            }
            TypedField {
                Layout.alignment: Qt.AlignTop
                label: qsTr("Asset tag")
                fieldName: "asset field"
                value: wizard.asset
                onValueChanged: wizard.asset = value
            }
        }
    }

    Component {
        id: methodStep
        ColumnLayout {
            spacing: Theme.gap / 2
            Label {
                text: qsTr("How is it erased?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                stacked: true
                Layout.fillWidth: true
                namePrefix: "method "
                selected: wizard.method
                choices: eraseFlow.methods.map(m => ({ value: m.id,
                    label: m.name + (m.recommended ? "  (" + qsTr("recommended") + ")" : "") }))
                onChosen: (value) => wizard.method = value
            }
            Label {
                objectName: "nist level"
                readonly property var chosen: wizard.methodById(wizard.method)
                text: chosen ? wizard.nistLine(chosen.nist_level) : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize; color: Theme.ok
                Accessible.name: text
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
                    text: qsTr("Purpose: %1").arg(wizard.purposeText(wizard.purpose)) + "\n"
                          + qsTr("Class: %1").arg(wizard.infoClass) + "\n"
                          + qsTr("Asset tag: %1").arg(wizard.asset) + "\n"
                          + qsTr("Method: %1").arg(wizard.methodById(wizard.method)
                                                   ? wizard.methodById(wizard.method).name : wizard.method)
                    font.pixelSize: Theme.bodySize; color: Theme.text
                    Accessible.name: text
                }
                Label {
                    objectName: "approval notice"
                    visible: eraseFlow.approvalRequired
                    text: qsTr("A data manager must approve this erasure first.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize; color: Theme.accent
                    Accessible.name: text
                }
                KioskButton {
                    objectName: "submit erase"
                    text: eraseFlow.busy ? qsTr("Asking the appliance…")
                          : eraseFlow.approvalRequired ? qsTr("Ask for approval") : qsTr("Erase now")
                    enabled: !eraseFlow.busy && wizard.typed.length > 0
                    onClicked: wizard.submit()
                }
                Label {
                    objectName: "wizard error"
                    visible: text.length > 0
                    text: eraseFlow.error
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
                label: eraseFlow.confirmationSource === "serial"
                       ? qsTr("Last 4 characters of the serial")
                       : qsTr("Last 4 characters of the device name")
                fieldName: "confirmation field"
                value: wizard.typed
                onValueChanged: wizard.typed = value
            }
        }
    }

    Component {
        id: approvalStep
        ApprovalStep {
            client: wizard.client
            requestId: eraseFlow.requestId
            onEraseNow: wizard.submit()
        }
    }

    Component {
        id: jobStep
        JobResult {
            client: wizard.client
            jobPath: eraseFlow.jobPath
        }
    }

    Label {
        // Errors of the approval phase (StartErase with the request) show here too.
        objectName: "wizard phase error"
        visible: wizard.phase === "approval" && eraseFlow.error.length > 0
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        text: eraseFlow.error
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.bodySize
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
