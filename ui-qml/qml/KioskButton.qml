import QtQuick
import QtQuick.Controls.Basic

// A button as every kiosk button must be: large, high contrast, and pressable over AT-SPI
// (Qt 6.4 needs Accessible.onPressAction: a screen reader's or a switch's "press" does nothing
// on a Button otherwise).
Button {
    id: button
    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch, contentItem.implicitWidth + 2 * Theme.gap)
    font.pixelSize: Theme.bodySize
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: button.clicked()
    contentItem: Text {
        text: button.text
        font: button.font
        color: button.enabled ? "#000000" : "#555555"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: 6
        // A chosen option (checked) is green with a thick frame: told apart without colour too.
        color: button.down ? "#e0b000" : button.checked ? Theme.ok
             : (button.enabled ? Theme.accent : "#808080")
        border.color: Theme.text
        border.width: button.checked ? 5 : (button.activeFocus ? 3 : 0)
    }
}
