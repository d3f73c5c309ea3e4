import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Massho.Kiosk

// The kiosk's keyboard for free text (names, sections, places, offices: TextEntry.qml), along
// the bottom of the window while such a field has the focus. Japanese is typed as kana (KanaKeys)
// and converted by choosing a candidate (北区役所 is 北区 from きたく, then 役所 from やくしょ);
// Latin letters on the kiosk's keypad (Keypad). Every key and candidate is a button named by
// what it types, so that everything can be written by pressing accessible buttons alone.
// Qt Virtual Keyboard is not used: Debian 12's has no Japanese input method, and its keys are
// not accessible objects (nothing a screen reader, a switch or AT-SPI could press).
Rectangle {
    id: board
    objectName: "text keyboard"
    // The focused TextEntry's field, or null; Main.qml follows the window's focus.
    property Item field: null
    // Kana first; Latin letters only when the dictionary cannot be read.
    property bool kanaWanted: true
    readonly property bool kana: kanaWanted && !converter.failed
    readonly property int pageSize: 6
    property int page: 0
    readonly property var shownCandidates:
        converter.candidates.slice(page * pageSize, (page + 1) * pageSize)

    visible: field !== null
    color: Theme.surface
    implicitHeight: layout.implicitHeight + 2 * Theme.gap
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("On-screen keyboard")
    MouseArea { anchors.fill: parent }  // a press between keys goes no further

    // Not a child a test can find by name (a QObject in an Item's resources): reached here.
    property alias converter: converter
    KanaConverter {
        id: converter
        onReadingChanged: board.page = 0
    }

    // A reading not yet converted goes into the field it was typed for, as it is (hiragana).
    property Item lastField: null
    onFieldChanged: {
        if (lastField && converter.reading.length > 0)
            lastField.insert(lastField.cursorPosition, converter.reading)
        converter.clear()
        lastField = field
    }
    function insert(text) { field.insert(field.cursorPosition, text) }
    function commit(text) {
        converter.clear()
        insert(text)
    }
    function commitReading() {
        if (converter.reading.length > 0) commit(converter.reading)
    }
    function erase() {
        if (converter.eraseLast()) return
        const at = field.cursorPosition
        if (at > 0) field.remove(at - 1, at)
    }
    function preview() {
        if (!field) return ""
        const at = field.cursorPosition
        const reading = converter.reading.length > 0 ? "［" + converter.reading + "］" : ""
        return field.entryLabel + ": " + field.text.slice(0, at) + reading + "▏" + field.text.slice(at)
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap / 2

        // What the field will hold, and the candidates for the reading.
        RowLayout {
            spacing: Theme.gap / 2
            Label {
                objectName: "text keyboard preview"
                Layout.preferredWidth: 520
                Layout.preferredHeight: Theme.touch
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideLeft
                text: board.preview()
                font.pixelSize: Theme.bodySize
                color: Theme.text
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Repeater {
                model: board.shownCandidates
                KioskButton {
                    required property string modelData
                    objectName: "candidate " + modelData
                    text: modelData
                    focusPolicy: Qt.NoFocus
                    onClicked: board.commit(modelData)
                }
            }
            KioskButton {
                objectName: "more candidates"
                visible: converter.candidates.length > board.pageSize
                text: qsTr("More")
                Accessible.name: qsTr("More candidates")
                focusPolicy: Qt.NoFocus
                onClicked: board.page = (board.page + 1) * board.pageSize < converter.candidates.length
                                      ? board.page + 1 : 0
            }
        }
        Label {
            objectName: "text keyboard note"
            visible: converter.failed
            Layout.fillWidth: true
            text: qsTr("Japanese input is unavailable: the kana dictionary %1 could not be read (%2). "
                       + "Latin letters can be typed; an administrator can install the package skkdic.")
                  .arg(converter.path).arg(converter.error)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.bodySize
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        RowLayout {
            spacing: 2 * Theme.gap
            KanaKeys {
                visible: board.kana
                Layout.alignment: Qt.AlignTop
                onTyped: (kana) => {
                    if ("、。・".indexOf(kana) >= 0) {  // punctuation ends the word
                        board.commitReading()
                        board.insert(kana)
                    } else {
                        converter.type(kana)
                    }
                }
                onMarked: (which) => converter.mark(which)
            }
            Keypad {
                objectName: "text keypad"
                keyPrefix: "text key "
                visible: !board.kana
                Layout.alignment: Qt.AlignTop
                onTyped: (character) => board.insert(character)
                onErased: board.erase()
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap / 2
                KioskButton {
                    objectName: "text key mode"
                    Layout.fillWidth: true
                    text: board.kana ? "A-Z" : "かな"
                    Accessible.name: board.kana ? qsTr("Latin letters") : qsTr("Japanese (kana)")
                    enabled: !converter.failed
                    focusPolicy: Qt.NoFocus
                    onClicked: {
                        board.commitReading()
                        board.kanaWanted = !board.kanaWanted
                    }
                }
                KioskButton {
                    objectName: "text key space"
                    Layout.fillWidth: true
                    text: qsTr("Space")
                    focusPolicy: Qt.NoFocus
                    onClicked: {
                        board.commitReading()
                        board.insert(" ")
                    }
                }
                KioskButton {
                    objectName: "kana key delete"
                    Layout.fillWidth: true
                    visible: board.kana
                    text: qsTr("Delete")
                    focusPolicy: Qt.NoFocus
                    onClicked: board.erase()
                }
                KioskButton {
                    objectName: "text key done"
                    Layout.fillWidth: true
                    text: qsTr("Done")
                    Accessible.name: qsTr("Close the keyboard")
                    focusPolicy: Qt.NoFocus
                    onClicked: {
                        board.commitReading()
                        board.field.focus = false
                    }
                }
            }
        }
    }
}
