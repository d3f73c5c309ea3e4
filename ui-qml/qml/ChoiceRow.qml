import QtQuick
import QtQuick.Layouts

// One choice out of a few, as large buttons side by side (or stacked): the chosen one is marked
// (green, thick frame) and announced as a checked radio button whose name ends in "(selected)".
// `choices`: [{value, label}].
GridLayout {
    id: choiceRow
    property var choices: []
    property var selected: undefined
    property string namePrefix: ""
    property bool stacked: false
    signal chosen(var value)
    columns: stacked ? 1 : Math.max(1, choices.length)
    rowSpacing: Theme.gap / 2
    columnSpacing: Theme.gap / 2

    Repeater {
        model: choiceRow.choices
        KioskButton {
            required property var modelData
            objectName: choiceRow.namePrefix + modelData.value
            text: modelData.label
            // Not checkable: a press never toggles it; only the choice marks it.
            checked: choiceRow.selected === modelData.value
            Layout.fillWidth: choiceRow.stacked
            Accessible.role: Accessible.RadioButton
            Accessible.checkable: true
            Accessible.checked: checked
            // Qt 6.4 does not tell AT-SPI that a radio button is checked: the name says it.
            Accessible.name: checked ? qsTr("%1 (selected)").arg(text) : text
            onClicked: choiceRow.chosen(modelData.value)
        }
    }
}
