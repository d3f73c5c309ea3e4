import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The media ledger for one attached medium: register it when the ledger does not know it (asset
// tag, class, section, location, as massho media add takes them), or its record and history
// with the register index of each act, a move to storage or into use, and a destruction
// recorded before a witness who logs in here as the second person. Every rule — who may, what
// the medium's state allows, never one's own witness — is the service's (MediaDesk).
Rectangle {
    id: view
    required property ApplianceClient client
    required property var device
    signal closed()
    objectName: "ledger view"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Media ledger for %1").arg(device.path)
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    // "record" (the medium and its history), "register" (registerStep 0-3), "move", "destroy".
    property string page: "record"
    property int registerStep: 0
    property string tag: ""
    property int infoClass: 0
    property string section: ""
    property string location: ""
    property string moveTo: "stored"
    property bool writeProtected: false
    property string lockedBy: ""
    property string destroyMethod: ""
    property string notice: ""

    SecondPerson { id: witness }
    MediaDesk {
        id: desk
        client: view.client
        witness: witness
        devicePath: view.device.path
        onRecorded: (act, entry) => {
            view.notice = view.recordedText(act, entry)
            view.page = "record"
            witness.logOut()
        }
    }

    function recordedText(act, entry) {
        switch (act) {
        case "registered": return qsTr("Registered in the ledger as register entry %1.").arg(entry)
        case "moved": return qsTr("The move is recorded as register entry %1.").arg(entry)
        case "destroyed": return qsTr("The destruction is recorded as register entry %1.").arg(entry)
        }
        return ""
    }
    function stateText(state) {
        switch (state) {
        case "registered": return qsTr("Registered")
        case "in-use": return qsTr("In use")
        case "stored": return qsTr("In storage")
        case "carried-out": return qsTr("Carried out")
        case "returned": return qsTr("Returned")
        case "erased": return qsTr("Erased")
        case "disposed": return qsTr("Disposed of")
        case "destroyed": return qsTr("Destroyed")
        case "returned-to-lessor": return qsTr("Returned to the lessor")
        }
        return state
    }
    function kindText(kind) {
        switch (kind) {
        case "medium-registered": return qsTr("Added to the ledger")
        case "medium-moved": return qsTr("Moved")
        case "medium-updated": return qsTr("Record corrected")
        case "medium-destroyed": return qsTr("Destroyed before a witness")
        case "medium-disposed": return qsTr("Disposed of")
        case "medium-returned-to-lessor": return qsTr("Returned to the lessor")
        case "erasure": return qsTr("Erased")
        case "carry-out": return qsTr("Carried out")
        case "carry-in": return qsTr("Carried back in")
        }
        return kind
    }
    function methodText(method) {
        switch (method) {
        case "shred": return qsTr("Shredded")
        case "crush": return qsTr("Crushed")
        case "degauss": return qsTr("Degaussed")
        case "melt": return qsTr("Melted")
        case "incinerate": return qsTr("Incinerated")
        case "disassemble": return qsTr("Taken apart")
        }
        return method
    }
    function canGoOn() {
        switch (view.registerStep) {
        case 0: return view.tag !== ""
        case 1: return view.infoClass > 0
        }
        return true
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Media ledger: %1").arg((view.device.model || view.device.name) + "  " + view.device.path)
                font.pixelSize: Theme.titleSize
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: view.page === "record" ? "close ledger" : "ledger back"
                text: view.page === "record" ? qsTr("Close") : qsTr("Cancel")
                Accessible.name: view.page === "record" ? qsTr("Close the media ledger") : qsTr("Cancel")
                onClicked: {
                    if (view.page === "record") { view.closed(); return }
                    witness.logOut()
                    view.page = "record"
                }
            }
        }
        Label {
            objectName: "ledger notice"
            visible: text.length > 0 && view.page === "record"
            text: view.notice
            color: Theme.ok
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "ledger error"
            visible: text.length > 0
            text: desk.error
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.bodySize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: !desk.answered ? waiting
                           : view.page === "register" ? registerPage
                           : view.page === "move" ? movePage
                           : view.page === "destroy" ? destroyPage
                           : desk.known ? recordPage : unknownPage
        }
    }

    Component {
        id: waiting
        Label {
            text: qsTr("Asking the media ledger…")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Component {
        id: unknownPage
        ColumnLayout {
            spacing: Theme.gap
            Label {
                text: qsTr("This medium is not in the media ledger.")
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Accessible.name: text
            }
            KioskButton {
                objectName: "start register"
                text: qsTr("Register in the ledger")
                onClicked: { view.registerStep = 0; view.page = "register" }
            }
            Item { Layout.fillHeight: true }
        }
    }

    Component {
        id: recordPage
        ColumnLayout {
            spacing: Theme.gap / 2
            Label {
                objectName: "medium summary"
                text: qsTr("Asset tag %1 · class %2 · %3").arg(desk.medium.tag).arg(desk.medium.info_class)
                      .arg(view.stateText(desk.medium.state))
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                Accessible.name: text
            }
            Label {
                objectName: "medium place"
                text: qsTr("Section: %1 · Location: %2").arg(desk.medium.section || "—").arg(desk.medium.location || "—")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                Accessible.name: text
            }
            RowLayout {
                spacing: Theme.gap
                KioskButton {
                    objectName: "start move"
                    text: qsTr("Move to storage or into use…")
                    onClicked: { view.writeProtected = false; view.lockedBy = ""; view.page = "move" }
                }
                KioskButton {
                    objectName: "start destroy"
                    text: qsTr("Record a destruction…")
                    onClicked: { view.destroyMethod = ""; view.page = "destroy" }
                }
            }
            Label {
                text: qsTr("History")
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ListView {
                objectName: "medium history"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: desk.history
                Accessible.role: Accessible.List
                Accessible.name: qsTr("History")
                delegate: Label {
                    required property var modelData
                    width: ListView.view.width
                    text: qsTr("Register entry %1 · %2 · %3 → %4 · by %5").arg(modelData.index)
                          .arg(JapanTime.date(modelData.time)).arg(view.kindText(modelData.kind))
                          .arg(view.stateText(modelData.state)).arg(modelData.by)
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    Accessible.role: Accessible.ListItem
                    Accessible.name: text
                }
            }
        }
    }

    Component {
        id: registerPage
        ColumnLayout {
            spacing: Theme.gap
            Loader {
                Layout.fillWidth: true
                Layout.fillHeight: true
                sourceComponent: [tagStep, classStep, sectionStep, locationStep][view.registerStep]
            }
            RowLayout {
                spacing: Theme.gap
                KioskButton {
                    objectName: "register back"
                    text: qsTr("Back")
                    enabled: view.registerStep > 0
                    onClicked: view.registerStep -= 1
                }
                KioskButton {
                    objectName: "register next"
                    visible: view.registerStep < 3
                    text: qsTr("Next")
                    enabled: view.canGoOn()
                    onClicked: view.registerStep += 1
                }
                KioskButton {
                    objectName: "register medium"
                    visible: view.registerStep === 3
                    text: desk.busy ? qsTr("Recording…") : qsTr("Register")
                    enabled: !desk.busy
                    onClicked: desk.registerMedium(view.tag, view.infoClass, view.section, view.location)
                }
            }
        }
    }
    Component {
        id: tagStep
        TypedField {
            label: qsTr("Asset tag")
            fieldName: "ledger tag field"
            value: view.tag
            onValueChanged: view.tag = value
        }
    }
    Component {
        id: classStep
        ColumnLayout {
            spacing: Theme.gap
            Label {
                text: qsTr("Which class of information does it hold?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "ledger class "
                selected: view.infoClass
                choices: [1, 2, 3, 4].map(n => ({ value: n, label: qsTr("Class %1").arg(n) }))
                onChosen: (value) => view.infoClass = value
            }
            Item { Layout.fillHeight: true }
        }
    }
    Component {
        id: sectionStep
        ColumnLayout {
            TextEntry {  // free text: kana and kanji too (税務課, 金庫B)
                Layout.preferredWidth: 720
                label: qsTr("Owning section (may be left empty)")
                fieldName: "ledger section field"
                value: view.section
                onValueChanged: view.section = value
            }
            Item { Layout.fillHeight: true }
        }
    }
    Component {
        id: locationStep
        ColumnLayout {
            TextEntry {  // free text: kana and kanji too (税務課, 金庫B)
                Layout.preferredWidth: 720
                label: qsTr("Where it is kept (may be left empty)")
                fieldName: "ledger location field"
                value: view.location
                onValueChanged: view.location = value
            }
            Item { Layout.fillHeight: true }
        }
    }

    Component {
        id: movePage
        ColumnLayout {
            spacing: Theme.gap
            Label {
                text: qsTr("Where does it go?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "move to "
                selected: view.moveTo
                choices: [{ value: "stored", label: qsTr("Into storage") },
                          { value: "in-use", label: qsTr("Into use") }]
                onChosen: (value) => view.moveTo = value
            }
            Label {
                text: qsTr("Is it write-protected?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "write protected "
                selected: view.writeProtected
                choices: [{ value: true, label: qsTr("Write-protected") },
                          { value: false, label: qsTr("Not write-protected") }]
                onChosen: (value) => view.writeProtected = value
            }
            Label {
                text: qsTr("How is it locked?")
                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                Accessible.role: Accessible.Heading; Accessible.name: text
            }
            ChoiceRow {
                namePrefix: "locked by "
                selected: view.lockedBy
                choices: [{ value: "", label: qsTr("Not locked") },
                          { value: "password", label: qsTr("By a password") },
                          { value: "encryption", label: qsTr("By encryption") }]
                onChosen: (value) => view.lockedBy = value
            }
            KioskButton {
                objectName: "record move"
                text: desk.busy ? qsTr("Recording…") : qsTr("Record the move")
                enabled: !desk.busy
                onClicked: desk.move(view.moveTo, view.writeProtected, view.lockedBy)
            }
            Item { Layout.fillHeight: true }
        }
    }

    Component {
        id: destroyPage
        // Side by side, as the approval step: the whole witness login fits the screen.
        RowLayout {
            spacing: Theme.gap
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 360
                spacing: Theme.gap / 2
                Label {
                    text: qsTr("How was it destroyed?")
                    font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                    Accessible.role: Accessible.Heading; Accessible.name: text
                }
                ChoiceRow {
                    namePrefix: "destroy by "
                    selected: view.destroyMethod
                    columns: 2
                    choices: ["shred", "crush", "degauss", "melt", "incinerate", "disassemble"]
                             .map(m => ({ value: m, label: view.methodText(m) }))
                    onChosen: (value) => view.destroyMethod = value
                }
                KioskButton {
                    objectName: "record destruction"
                    text: desk.busy ? qsTr("Recording…") : qsTr("Record the destruction")
                    enabled: !desk.busy && witness.loggedIn && view.destroyMethod !== ""
                    onClicked: desk.recordDestruction(view.destroyMethod)
                }
            }
            SecondLogin {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                person: witness
                prompt: qsTr("The witness who saw it destroyed logs in here as the second person.")
            }
        }
    }
}
