import QtQuick
import QtTest

// How a person gets around the kiosk, for every QML test here (tst_*.qml, screens.qml,
// frame_time.qml): find a control by its name, press it once it is shown and enabled, type on
// the keypad, log in. One copy, so that a change in how the kiosk is driven is made once.
TestCase {
    // How long an answer of the service may take (a file raises it for a loaded machine).
    property int kAnswer: 15000

    function find(window, name, within) {
        const item = findChild(within || window.contentItem, name)
        verify(item, "no control named '" + name + "'")
        return item
    }
    // Like tryVerify, but the failure's message is made when it fails: what the screen says
    // then (a message built at the call would show the screen before the wait).
    function waitUntil(condition, timeout, describe) {
        for (let waited = 0; !condition() && waited < timeout; waited += 50) wait(50)
        verify(condition(), describe())
    }
    // Presses a control as a person would, once it is there, shown and enabled; layouts that
    // were just rebuilt are given a moment to settle first (stale positions otherwise).
    function press(window, name, within) {
        tryVerify(() => {
            const item = findChild(within || window.contentItem, name)
            return item && item.visible && item.enabled
        }, kAnswer, "'" + name + "' cannot be pressed")
        // Laid out: every positioner and layout above it has placed its children (a card just
        // added to the home screen's Flow sits at 0,0 until then, and a press there lands on
        // whatever is at 0,0).
        const item = findChild(within || window.contentItem, name)
        for (let above = item.parent; above; above = above.parent) waitForItemPolished(above)
        scrollIntoView(item)
        wait(30)
        mouseClick(findChild(within || window.contentItem, name))
    }
    // A control below or above the visible part of the list it is in (the home screen's cards,
    // once many media are attached) is scrolled to first, as a finger would: a press outside
    // the list's view lands on whatever is shown there.
    function scrollIntoView(item) {
        for (let above = item.parent; above; above = above.parent) {
            if (above.contentItem === undefined || above.contentY === undefined
                    || above.contentHeight === undefined)
                continue
            const seen = item.mapToItem(above, 0, 0)
            if (seen.y >= 0 && seen.y + item.height <= above.height) return
            const at = item.mapToItem(above.contentItem, 0, 0)
            above.contentY = Math.max(0, Math.min(at.y - (above.height - item.height) / 2,
                                                  above.contentHeight - above.height))
            waitForItemPolished(above)
            return
        }
    }
    // Types on the kiosk's keypad, shifting for capitals (the keypad is looked up at each key:
    // the login screen and a form each have their own).
    function typeOn(window, text) {
        for (const c of text) {
            const keypad = find(window, "keypad")
            const letter = c.toLowerCase() !== c.toUpperCase()
            if (letter && keypad.shifted !== (c === c.toUpperCase())) press(window, "key shift")
            press(window, "key " + c)
        }
    }
    function typeLogin(window, user, password) {
        press(window, "user id field")
        typeOn(window, user)
        press(window, "password field")
        typeOn(window, password)
    }
    // Typed and sent; what the kiosk answers is the caller's to check.
    function submitLogin(window, user, password) {
        typeLogin(window, user, password)
        press(window, "log in")
    }
    function switchToEnglish(window) {
        if (find(window, "language").text === "English") press(window, "language")
    }
    // `user` logged in with the test bed's password (then in English when `language` is "en").
    function logIn(window, user, language) {
        submitLogin(window, user, testbed.password)
        waitUntil(() => findChild(window.contentItem, "signed in as") !== null, kAnswer,
                  () => user + " was not logged in: "
                        + (findChild(window.contentItem, "login error") || { text: "" }).text)
        if (language === "en") switchToEnglish(window)
    }
}
