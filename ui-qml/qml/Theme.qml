pragma Singleton
import QtQuick

// The kiosk's look in one place: high contrast, touch targets of 48 px or more, body text of
// 24 px or more, nothing that needs hover (issue: JIS X 8341 as the bar).
QtObject {
    readonly property color background: "#101418"
    readonly property color surface: "#1f262d"
    readonly property color text: "#ffffff"
    readonly property color muted: "#c8d0d8"
    readonly property color accent: "#ffd24d"
    readonly property color danger: "#ff6b6b"
    readonly property color ok: "#7ee081"
    readonly property int bodySize: 24
    readonly property int titleSize: 36
    readonly property int touch: 64
    readonly property int gap: 12
}
