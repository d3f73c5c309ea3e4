import QtQuick
import Massho.Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A records officer's report as the service sent it: title, the lines under it, the header and
// the rows, as a table that scrolls sideways when wider than the screen.
ColumnLayout {
    id: table
    property var report: ({})
    readonly property var header: report.header || []
    readonly property var rows: report.rows || []
    visible: table.header.length > 0
    spacing: Theme.gap / 2

    Label {
        objectName: "report title"
        text: table.report.title || ""
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Repeater {
        model: table.report.preamble || []
        Label {
            required property var modelData
            text: modelData
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            Accessible.name: text
        }
    }
    Label {
        objectName: "report truncated"
        visible: table.report.truncated === true
        text: qsTr("Only the first %1 rows are shown; the whole report: massho media report.").arg(table.rows.length)
        font.pixelSize: Theme.bodySize
        color: Theme.accent
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: text
    }
    Label {
        visible: table.rows.length === 0
        text: qsTr("The report has no rows.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        Accessible.name: text
    }
    Flickable {
        Layout.fillWidth: true
        implicitHeight: grid.implicitHeight
        contentWidth: grid.implicitWidth
        clip: true
        flickableDirection: Flickable.HorizontalFlick
        ScrollBar.horizontal: ScrollBar { height: Theme.gap * 2 }
        GridLayout {
            id: grid
            objectName: "report table"
            columns: Math.max(1, table.header.length)
            rowSpacing: 2
            columnSpacing: Theme.gap
            Accessible.role: Accessible.Table
            Accessible.name: table.report.title || ""
            Repeater {
                model: table.header
                Label {
                    required property var modelData
                    text: modelData
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.accent
                    Accessible.role: Accessible.ColumnHeader
                    Accessible.name: text
                }
            }
            Repeater {
                // Every cell in row order: the grid wraps them into the header's columns.
                model: {
                    const cells = []
                    for (const row of table.rows)
                        for (let i = 0; i < row.length; ++i) cells.push(row[i])
                    return cells
                }
                Label {
                    required property var modelData
                    text: modelData
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    Accessible.role: Accessible.Cell
                    Accessible.name: text
                }
            }
        }
    }
}
