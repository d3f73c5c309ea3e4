import QtQuick
import QtQuick.Layouts

// The kana keys of the text keyboard (TextKeyboard.qml), in the order of the kana table (五十音)
// that every Japanese reader knows: a column for each of あ か さ た な は ま や ら わ, and the
// marks ゛ ゜ 小 that change the last kana typed (か゛ → が, つ小 → っ), as on a phone's kana
// keyboard. Each key is a button named by what it types, pressable over AT-SPI.
GridLayout {
    id: keys
    objectName: "kana keys"
    signal typed(string kana)
    signal marked(string which)
    columns: 11
    rowSpacing: Theme.gap / 2
    columnSpacing: Theme.gap / 2

    // Row by row; "　" (an ideographic space) is a gap in the table (や行, わ行).
    readonly property var rows: ["あかさたなはまやらわ゛", "いきしちにひみ　りを゜",
                                 "うくすつぬふむゆるん小", "えけせてねへめ　れー、",
                                 "おこそとのほもよろ。・"]
    readonly property var marks: ({ "゛": "voiced", "゜": "semi-voiced", "小": "small" })

    Repeater {
        model: keys.rows.join("").split("")
        Item {
            id: cell
            required property string modelData
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            KioskButton {
                anchors.fill: parent
                visible: cell.modelData !== "　"
                text: cell.modelData
                objectName: "kana key " + cell.modelData
                focusPolicy: Qt.NoFocus  // the text field keeps the focus, and the keyboard stays
                Accessible.name: keys.marks[cell.modelData] === "small" ? qsTr("Small kana (小)")
                               : cell.modelData
                onClicked: {
                    const mark = keys.marks[cell.modelData]
                    if (mark) keys.marked(mark)
                    else keys.typed(cell.modelData)
                }
            }
        }
    }
}
