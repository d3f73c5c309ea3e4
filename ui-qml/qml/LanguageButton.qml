import QtQuick
import Massho.Kiosk

// Switches between Japanese and English at any time; labelled in the language it switches to,
// so that someone who cannot read the current one still finds it.
KioskButton {
    required property Language language
    objectName: "language"
    text: language.current === "ja" ? "English" : "日本語"
    Accessible.name: text
    onClicked: language.current = language.current === "ja" ? "en" : "ja"
}
