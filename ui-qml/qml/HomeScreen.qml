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
    JobControl { id: jobControl }

    // What covers the home screen below its header (the header, with logout, always shows):
    // "wizard", "carryout" or "carryin" (eraseDevice), "ledger" (ledgerDevice), "queue",
    // "register", "audit", "admin" or "job" (openJob); "" for the cards.
    property string overlay: ""
    property var eraseDevice: ({})
    property string openJob: ""
    property string cancelPath: ""
    property var ledgerDevice: ({})
    property int ledgerRevision: 0

    // The header: who is logged in, the language and logout, always in view (the rest scrolls
    // under it, and a press on it never reaches a card beneath).
    Rectangle {
        id: header
        z: 1
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Theme.touch + 2 * Theme.gap
        color: Theme.background
        MouseArea { anchors.fill: parent }
        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.gap
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
    }

    // Everything below the header scrolls as one: the jobs (every job of the service shows) and
    // the attached media's cards, however many. Every card is made, so that a screen reader or a
    // switch reaches each over AT-SPI, and a control that takes the focus (Tab, a switch) is
    // scrolled into view. Not clipped: the opaque header covers what scrolls up under it.
    Flickable {
        id: scroller
        objectName: "home scroll"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        contentWidth: width
        contentHeight: body.implicitHeight + 2 * Theme.gap
        boundsBehavior: Flickable.StopAtBounds
        Accessible.role: Accessible.Pane
        Accessible.name: qsTr("Jobs and attached media")
        ScrollBar.vertical: ScrollBar {
            objectName: "home scroll bar"
            width: 2 * Theme.gap
            policy: scroller.contentHeight > scroller.height ? ScrollBar.AlwaysOn
                                                             : ScrollBar.AsNeeded
            Accessible.name: qsTr("Scroll the jobs and media")
        }

        // Scrolls so that `item` (a control inside the scrolled part) shows whole.
        function reveal(item) {
            let inside = item
            while (inside && inside !== body) inside = inside.parent
            if (!inside) return
            const top = item.mapToItem(body, 0, 0).y + body.y
            const most = Math.max(0, contentHeight - height)
            if (top < contentY)
                contentY = Math.max(0, top - Theme.gap)
            else if (top + item.height > contentY + height)
                contentY = Math.min(most, top + item.height - height + Theme.gap)
        }
        Connections {
            target: screen.Window.window
            function onActiveFocusItemChanged() {
                if (screen.Window.activeFocusItem) scroller.reveal(screen.Window.activeFocusItem)
            }
        }

        ColumnLayout {
            id: body
            x: Theme.gap
            y: Theme.gap
            width: scroller.width - 4 * Theme.gap  // margins and the scroll bar's room
            spacing: Theme.gap

            JobsPanel {
                Layout.fillWidth: true
                jobList: jobs
                onCancelAsked: (path, device) => {
                    screen.cancelPath = path
                    cancelDialog.question = qsTr("Stop erasing %1? The medium will NOT be erased, and this is recorded.").arg(device)
                    cancelDialog.visible = true
                }
                onResultAsked: (path) => { screen.openJob = path; screen.overlay = "job" }
            }
            Label {
                objectName: "cancel error"
                visible: text.length > 0
                text: jobControl.error
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            KioskButton {
                objectName: "open queue"
                // Shown to data managers; the service checks the role again on every decision.
                visible: screen.client.hasRole("data-manager")
                text: qsTr("Requests waiting for approval")
                onClicked: screen.overlay = "queue"
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap
                KioskButton {
                    objectName: "open register"
                    // Records officers and auditors; the service checks the role on every call.
                    visible: screen.client.hasRole("records-officer") || screen.client.hasRole("auditor")
                    text: qsTr("Register and certificates")
                    onClicked: screen.overlay = "register"
                }
                KioskButton {
                    objectName: "open audit"
                    visible: screen.client.hasRole("auditor")
                    text: qsTr("Audit the register")
                    onClicked: screen.overlay = "audit"
                }
                KioskButton {
                    objectName: "open admin"
                    // Shown to administrators; the service checks the role again on every call.
                    visible: screen.client.hasRole("admin")
                    text: qsTr("Administration")
                    onClicked: screen.overlay = "admin"
                }
            }
            Label {
                text: qsTr("Attached media")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                visible: screen.client.devices.count === 0
                text: qsTr("No medium is attached. Plug in a drive or a USB stick.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap
                Repeater {
                    // A model updated in place: a new listing keeps the cards still attached
                    // (and the focus on one); each card's `device` is its row's role.
                    model: screen.client.devices
                    DeviceCard {
                        // Shown to operators only; the service checks the role again on every call.
                        canErase: screen.client.hasRole("operator")
                        onEraseRequested: {
                            screen.eraseDevice = device
                            screen.overlay = "wizard"
                        }
                        client: screen.client
                        // People who keep the media ledger; the service checks the role on every act.
                        canKeepLedger: ["operator", "data-manager", "records-officer"]
                                       .some(role => screen.client.hasRole(role))
                        ledgerRevision: screen.ledgerRevision
                        onLedgerRequested: {
                            screen.ledgerDevice = device
                            screen.overlay = "ledger"
                        }
                        // Carrying out: operators; a return: operators and data managers.
                        canCarryOut: screen.client.hasRole("operator")
                        canCarryIn: screen.client.hasRole("operator") || screen.client.hasRole("data-manager")
                        onCarryOutRequested: {
                            screen.eraseDevice = device
                            screen.overlay = "carryout"
                        }
                        onCarryInRequested: {
                            screen.eraseDevice = device
                            screen.overlay = "carryin"
                        }
                    }
                }
            }
        }
    }

    Loader {
        // Opaque from below the header to the bottom edge: nothing of the cards shows through.
        anchors.fill: parent
        anchors.topMargin: Theme.touch + 2 * Theme.gap
        active: screen.overlay !== ""
        sourceComponent: screen.overlay === "wizard" ? wizardView
                       : screen.overlay === "queue" ? queueView
                       : screen.overlay === "register" ? registerView
                       : screen.overlay === "audit" ? auditView
                       : screen.overlay === "ledger" ? ledgerView
                       : screen.overlay === "carryout" ? carryOutView
                       : screen.overlay === "carryin" ? carryInView
                       : screen.overlay === "admin" ? adminView : jobView
    }
    Component {
        id: registerView
        RegisterView {
            client: screen.client
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: auditView
        AuditView {
            client: screen.client
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: wizardView
        EraseWizard {
            client: screen.client
            device: screen.eraseDevice
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: ledgerView
        LedgerView {
            client: screen.client
            device: screen.ledgerDevice
            onClosed: { screen.overlay = ""; screen.ledgerRevision += 1 }
        }
    }
    Component {
        id: carryOutView
        CarryOutWizard {
            client: screen.client
            device: screen.eraseDevice
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: carryInView
        CarryInScreen {
            client: screen.client
            device: screen.eraseDevice
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: queueView
        RequestQueue {
            client: screen.client
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: adminView
        AdminScreen {
            client: screen.client
            onClosed: screen.overlay = ""
        }
    }
    Component {
        id: jobView
        Rectangle {
            color: Theme.background
            MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.gap
                KioskButton {
                    objectName: "close job"
                    text: qsTr("Close")
                    onClicked: screen.overlay = ""
                }
                JobResult {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    client: screen.client
                    jobPath: screen.openJob
                }
            }
        }
    }
    ConfirmDialog {
        id: cancelDialog
        objectName: "panel cancel dialog"
        anchors.fill: parent
        z: 2  // over the header too: the question is answered first
        yesText: qsTr("Yes, stop erasing")
        noText: qsTr("No, keep erasing")
        onAccepted: jobControl.cancel(screen.cancelPath)
    }
}
