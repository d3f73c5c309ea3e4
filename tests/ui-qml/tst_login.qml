import QtQuick
import QtTest
import Massho.Kiosk

// Logging in on the kiosk's own keypad, against the real service.
KioskTestCase {
    id: test
    name: "KioskLogin"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }

    // Saves what the window shows as NAME.png when screenshots were asked for.
    function screenshot(window, name) {
        if (testbed.screenshotDir === "") return
        wait(200)  // let the last change reach the screen
        verify(testbed.saveScreenshot(window, name), "screenshot " + name)
    }

    function test_japaneseByDefaultAndEnglishAtATouch() {
        const window = createTemporaryObject(kiosk, test)
        compare(find(window, "log in").text, "ログイン")
        compare(find(window, "user id field").Accessible.name, "ユーザーID")
        screenshot(window, "login-ja")
        press(window, "language")
        compare(find(window, "log in").text, "Log in")
        compare(find(window, "user id field").Accessible.name, "User ID")
        compare(find(window, "language").text, "日本語")
        screenshot(window, "login-en")
        press(window, "language")
        compare(find(window, "log in").text, "ログイン")
    }

    function test_aWrongPasswordShowsTheServicesReason() {
        const window = createTemporaryObject(kiosk, test)
        submitLogin(window, "op1", "Wrong-Horse-42")
        const error = find(window, "login error")
        tryVerify(() => error.visible, 15000, "no message after a wrong password")
        // The service's reason in the language chosen: Japanese, then English at a touch.
        verify(error.text.indexOf("IDまたはパスワードが違います") >= 0, error.text)
        press(window, "language")
        verify(error.text.indexOf("wrong user ID or password") >= 0, error.text)
        press(window, "language")
        verify(error.text.indexOf("IDまたはパスワードが違います") >= 0, error.text)
        // Still on the login screen, with the password cleared.
        verify(findChild(window.contentItem, "signed in as") === null)
    }

    function test_anOperatorSeesTheAttachedMediumAndMayEraseIt() {
        const window = createTemporaryObject(kiosk, test)
        submitLogin(window, "op1", testbed.password)
        tryVerify(() => findChild(window.contentItem, "signed in as") !== null, 15000,
                  "not logged in")
        tryVerify(() => findChild(window.contentItem, "erase " + testbed.devicePath) !== null,
                  10000, "no card for " + testbed.devicePath)
        verify(find(window, "erase " + testbed.devicePath).visible)
        screenshot(window, "home-operator")
        press(window, "log out")
        tryVerify(() => findChild(window.contentItem, "log in") !== null, 5000)
    }

    function test_anAuditorSeesNoEraseButton() {
        const window = createTemporaryObject(kiosk, test)
        submitLogin(window, "aud", testbed.password)
        tryVerify(() => findChild(window.contentItem, "signed in as") !== null, 15000,
                  "not logged in")
        tryVerify(() => window.client.devices.count > 0, 10000)
        const erase = findChild(window.contentItem, "erase " + testbed.devicePath)
        verify(erase === null || !erase.visible, "an auditor was offered an erasure")
    }
}
