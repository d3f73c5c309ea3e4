import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The records officer's register view: entries found by asset tag, serial or a period typed on
// the keypad (Japan days; the service checks the dates), a page at a time (their times in Japan time, as on the certificates), each with its certificate issued,
// previewed (the issued PDF's first page, drawn by the service) and printed; and the media
// reports as tables. Who may do what is the service's answer, shown as it says it.
Rectangle {
    id: view
    required property ApplianceClient client
    signal closed()
    objectName: "register view"
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Register and certificates")
    MouseArea { anchors.fill: parent }  // presses stop here, never reach the cards beneath

    // "asset", "serial", or "from" then "to" (a period), while typing one; "" otherwise.
    property string typing: "asset"
    property string periodFrom: ""  // typed, while the end of the period is being typed
    // What the view shows: "search" (the register) or "reports" (the media reports).
    property string page: "search"

    RegisterDesk { id: desk; client: view.client }

    // The service's days are Japan days, whatever the kiosk's own clock zone.
    function day(offsetDays) { return JapanTime.today(offsetDays) }
    function fieldLabel() {
        switch (view.typing) {
        case "serial": return qsTr("Serial number")
        case "from": return qsTr("From (YYYY-MM-DD)")
        case "to": return qsTr("To (YYYY-MM-DD)")
        }
        return qsTr("Asset tag")
    }
    function choose(typing) {
        view.typing = typing
        view.periodFrom = ""
        field.value = ""
    }
    // The search button: the period's start first, then its end; or the tag or serial typed.
    function searchTyped() {
        if (view.typing === "from") {
            view.periodFrom = field.value
            view.typing = "to"
            field.value = ""
            return
        }
        if (view.typing === "to") desk.search(view.periodFrom, field.value, "", "")
        else if (view.typing === "serial") desk.search("", "", field.value, "")
        else desk.search("", "", "", field.value)
        view.typing = ""
    }
    function kindText(kind) {
        switch (kind) {
        case "erasure": return qsTr("Erasure")
        case "medium-registered": return qsTr("Medium registered")
        case "medium-destroyed": return qsTr("Medium destroyed")
        case "carry-out": return qsTr("Carried out")
        case "carry-in": return qsTr("Returned")
        }
        return kind
    }
    function certifiable(kind) { return kind === "erasure" || kind === "medium-destroyed" }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Register and certificates")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                objectName: "show search"
                text: qsTr("Search the register")
                checkable: true
                checked: view.page === "search"
                onClicked: view.page = "search"
            }
            KioskButton {
                objectName: "show reports"
                text: qsTr("Media reports")
                checkable: true
                checked: view.page === "reports"
                onClicked: view.page = "reports"
            }
            KioskButton {
                objectName: "close register"
                text: qsTr("Close")
                onClicked: view.closed()
            }
        }
        Flickable {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight
            clip: true
            ScrollBar.vertical: ScrollBar { width: Theme.gap * 2 }

            ColumnLayout {
                id: body
                width: scroller.width - 3 * Theme.gap
                spacing: Theme.gap

                Label {
                    objectName: "register message"
                    visible: text.length > 0
                    text: desk.message
                    color: Theme.ok
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Label {
                    objectName: "register error"
                    visible: text.length > 0
                    text: desk.error
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.bodySize
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                ColumnLayout {
                    visible: view.page === "search"
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        KioskButton {
                            objectName: "search by asset tag"
                            text: qsTr("Asset tag")
                            checkable: true
                            checked: view.typing === "asset"
                            onClicked: view.choose("asset")
                        }
                        KioskButton {
                            objectName: "search by serial"
                            text: qsTr("Serial number")
                            checkable: true
                            checked: view.typing === "serial"
                            onClicked: view.choose("serial")
                        }
                        KioskButton {
                            objectName: "search by period"
                            text: qsTr("Period")
                            checkable: true
                            checked: view.typing === "from" || view.typing === "to"
                            onClicked: view.choose("from")
                        }
                        KioskButton {
                            objectName: "erasures today"
                            text: qsTr("Erasures today")
                            onClicked: { view.typing = ""; desk.search(view.day(0), view.day(0), "", "") }
                        }
                        KioskButton {
                            objectName: "erasures in 30 days"
                            text: qsTr("Erasures in the last 30 days")
                            onClicked: { view.typing = ""; desk.search(view.day(29), view.day(0), "", "") }
                        }
                    }
                    Label {
                        objectName: "period from"
                        visible: view.typing === "to"
                        text: qsTr("From %1").arg(view.periodFrom)
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        Accessible.name: text
                    }
                    RowLayout {
                        visible: view.typing !== ""
                        spacing: Theme.gap
                        TypedField {
                            id: field
                            fieldName: (view.typing || "asset") + " field"
                            label: view.fieldLabel()
                        }
                        KioskButton {
                            objectName: "search"
                            Layout.alignment: Qt.AlignTop
                            // A period: its start, Next, then its end, Search.
                            text: view.typing === "from" ? qsTr("Next") : qsTr("Search")
                            enabled: field.value.length > 0 && !desk.busy
                            // The keypad folds away so that the entries found show below the
                            // choices; a choice opens it again.
                            onClicked: view.searchTyped()
                        }
                    }
                    Label {
                        objectName: "hit count"
                        text: desk.total === 0 ? qsTr("No entries found.")
                              : qsTr("Entries %1–%2 of %3").arg(desk.offset + 1)
                                    .arg(desk.offset + desk.hits.length).arg(desk.total)
                        font.pixelSize: Theme.bodySize
                        color: Theme.muted
                        Accessible.name: text
                    }
                    Repeater {
                        model: desk.hits
                        Rectangle {
                            id: hitCard
                            required property var modelData
                            objectName: "entry " + modelData.index
                            Layout.fillWidth: true
                            implicitHeight: hitColumn.implicitHeight + 2 * Theme.gap
                            color: Theme.surface
                            radius: 6
                            Accessible.role: Accessible.ListItem
                            Accessible.name: hitText.text
                            ColumnLayout {
                                id: hitColumn
                                anchors.fill: parent
                                anchors.margins: Theme.gap
                                Label {
                                    id: hitText
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.text
                                    text: qsTr("Entry %1: %2, %3").arg(hitCard.modelData.index)
                                              .arg(view.kindText(hitCard.modelData.kind))
                                              .arg(JapanTime.dateTime(hitCard.modelData.ended
                                                                      || hitCard.modelData.time))
                                          + "\n" + qsTr("Asset %1, serial %2, %3 %4 by %5")
                                              .arg(hitCard.modelData.asset || "—")
                                              .arg(hitCard.modelData.serial || "—")
                                              .arg(hitCard.modelData.method)
                                              .arg(hitCard.modelData.result)
                                              .arg(hitCard.modelData.operator)
                                          + "\n" + qsTr("Certificates issued: %1").arg(hitCard.modelData.certificates)
                                }
                                Flow {
                                    Layout.fillWidth: true
                                    spacing: Theme.gap
                                    visible: view.certifiable(hitCard.modelData.kind)
                                    KioskButton {
                                        objectName: "issue " + hitCard.modelData.index
                                        text: hitCard.modelData.certificates > 0 ? qsTr("Reissue certificate")
                                                                                 : qsTr("Issue certificate")
                                        enabled: !desk.busy
                                        onClicked: desk.issue(hitCard.modelData.index)
                                    }
                                    KioskButton {
                                        objectName: "preview " + hitCard.modelData.index
                                        text: qsTr("Preview certificate")
                                        visible: hitCard.modelData.certificates > 0
                                        enabled: !desk.busy
                                        onClicked: desk.showPreview(hitCard.modelData.index)
                                    }
                                    KioskButton {
                                        objectName: "print " + hitCard.modelData.index
                                        text: qsTr("Print certificate")
                                        visible: hitCard.modelData.certificates > 0
                                        enabled: !desk.busy
                                        onClicked: desk.print(hitCard.modelData.index)
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        visible: desk.total > desk.pageSize
                        spacing: Theme.gap
                        KioskButton {
                            objectName: "previous page"
                            text: qsTr("Previous page")
                            enabled: desk.offset > 0 && !desk.busy
                            onClicked: desk.previousPage()
                        }
                        KioskButton {
                            objectName: "next page"
                            text: qsTr("Next page")
                            enabled: desk.offset + desk.pageSize < desk.total && !desk.busy
                            onClicked: desk.nextPage()
                        }
                    }
                }
                ColumnLayout {
                    visible: view.page === "reports"
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        KioskButton {
                            objectName: "report ledger"
                            text: qsTr("Media ledger")
                            onClicked: desk.loadReport("ledger")
                        }
                        KioskButton {
                            objectName: "report carried-out"
                            text: qsTr("Carried out now")
                            onClicked: desk.loadReport("carried-out")
                        }
                        KioskButton {
                            objectName: "report due"
                            text: qsTr("Due for return or disposal")
                            onClicked: desk.loadReport("due")
                        }
                        KioskButton {
                            objectName: "report closures"
                            text: qsTr("Closed in the last 30 days")
                            onClicked: desk.loadReport("closures", { from: view.day(29), to: view.day(0) })
                        }
                    }
                    ReportTable {
                        Layout.fillWidth: true
                        report: desk.report
                    }
                }
            }
        }
    }

    Rectangle {
        objectName: "certificate preview"
        anchors.fill: parent
        visible: desk.preview.length > 0
        color: Theme.background
        Accessible.role: Accessible.Pane
        Accessible.name: qsTr("Certificate for entry %1").arg(desk.previewIndex)
        MouseArea { anchors.fill: parent }
        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap
            Image {
                objectName: "preview image"
                Layout.fillHeight: true
                Layout.preferredWidth: height * 210 / 297
                fillMode: Image.PreserveAspectFit
                source: desk.preview
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("The issued certificate's first page")
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap
                KioskButton {
                    objectName: "print previewed"
                    text: qsTr("Print certificate")
                    enabled: !desk.busy
                    onClicked: desk.print(desk.previewIndex)
                }
                KioskButton {
                    objectName: "close preview"
                    text: qsTr("Close")
                    onClicked: desk.closePreview()
                }
                Label {
                    visible: text.length > 0
                    text: desk.message || desk.error
                    color: desk.error ? Theme.danger : Theme.ok
                    wrapMode: Text.Wrap
                    Layout.preferredWidth: 400
                    font.pixelSize: Theme.bodySize
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }
}
