import QtQuick
import QtTest
import Massho.Kiosk

// The home screen with more media than fit on it: eight more real loop devices attached beside
// the test bed's own. The last card is reached both ways a person reaches it — a finger flicking
// the list, and a switch or keyboard moving the focus (Tab) control by control, which scrolls
// the focused control into view — and its Erase button then opens the wizard for that medium.
KioskTestCase {
    id: test
    name: "KioskHome"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    kAnswer: 60000  // a loaded machine's service is slow (see tst_flows.qml)
    property var media: []

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    function cleanupTestCase() {
        testbed.detachMedia()  // the other tests' cards stay where they were
    }
    // The last card's Erase button as it is now (looked up each time, as a person would).
    function lastErase(window) {
        return find(window, "erase " + test.media[7])
    }
    // Logged in as op1 with eight more media attached, the cards laid out.
    function homeWithManyMedia(window) {
        if (test.media.length === 0) test.media = testbed.attachMedia(8, 16)
        compare(test.media.length, 8, "eight loop devices could not be attached")
        press(window, "user id field")
        typeOn(window, "op1")
        press(window, "password field")
        typeOn(window, testbed.password)
        press(window, "log in")
        tryVerify(() => findChild(window.contentItem, "signed in as") !== null, kAnswer,
                  "op1 was not logged in")
        const last = "erase " + test.media[test.media.length - 1]
        // The service lists new devices at its next look (GetDevices may take long when loaded).
        tryVerify(() => test.media.every(path => findChild(window.contentItem, "card " + path)),
                  kAnswer, "not every medium has its card")
        tryVerify(() => (findChild(window.contentItem, last) || {}).visible, kAnswer)
        // Laid out: the cards flow in rows, so the last is never at the top.
        const scroll = find(window, "home scroll")
        tryVerify(() => (findChild(window.contentItem, "card " + test.media[7]) || {}).y > 0
                        && scroll.contentHeight > scroll.height, kAnswer,
                  "the cards were not laid out")
        wait(50)
    }
    // Where `item` is in the window: whole between the header's bottom and the window's bottom.
    function inView(window, item) {
        const top = item.mapToItem(window.contentItem, 0, 0).y
        const header = find(window, "home scroll").mapToItem(window.contentItem, 0, 0).y
        return top >= header && top + item.height <= window.height
    }

    function test_theLastCardIsReachedByFlickingAndPressed() {
        const window = createTemporaryObject(kiosk, test)
        homeWithManyMedia(window)
        const scroll = find(window, "home scroll")
        verify(!inView(window, lastErase(window)),
               "the last card fits on the screen: the test shows nothing")
        // A finger drags the list towards the card until it shows: up while the card is below,
        // down once a flick carried it past (other tests' media may sort after it), each drag
        // shorter after a change of direction so that it settles.
        let reach = scroll.height / 2, lastDirection = 0
        for (let i = 0; i < 30 && !inView(window, lastErase(window)); ++i) {
            const top = lastErase(window).mapToItem(window.contentItem, 0, 0).y
            const direction = top > window.height / 2 ? -1 : 1
            if (lastDirection !== 0 && direction !== lastDirection)
                reach = Math.max(reach / 2, scroll.height / 16)
            lastDirection = direction
            const x = scroll.width / 2, y = scroll.height / 2 - direction * reach / 2
            const touch = touchEvent(scroll)
            touch.press(0, scroll, x, y).commit()
            for (let step = 1; step <= 10; ++step) {
                touch.move(0, scroll, x, y + direction * step * reach / 10).commit()
                wait(10)
            }
            touch.release(0, scroll, x, y + direction * reach).commit()
            tryVerify(() => !scroll.moving, 5000)
        }
        verify(scroll.contentY > 0, "the list did not move")
        const button = lastErase(window)
        verify(inView(window, button), "the last card cannot be flicked into view: scrolled "
               + scroll.contentY + " of " + scroll.contentHeight + " (" + scroll.height
               + " shown), the button at "
               + button.mapToItem(window.contentItem, 0, 0).y + " in a window "
               + window.height + " high")
        mouseClick(button)
        tryVerify(() => findChild(window.contentItem, "erase wizard") !== null, 5000,
                  "the last card's Erase did not open the wizard")
        compare(find(window, "erase wizard").device.path, test.media[test.media.length - 1])
        press(window, "close wizard")
    }

    function test_theLastCardIsReachedByMovingTheFocus() {
        const window = createTemporaryObject(kiosk, test)
        homeWithManyMedia(window)
        verify(!inView(window, lastErase(window)),
               "the last card fits on the screen: the test shows nothing")
        window.requestActivate()
        tryVerify(() => window.active, 5000, "the kiosk's window is not active")
        // A switch's "next" is Tab: control after control until the last card's Erase.
        for (let i = 0; i < 300 && !lastErase(window).activeFocus; ++i) keyClick(Qt.Key_Tab)
        verify(lastErase(window).activeFocus, "Tab never reached the last card's Erase button")
        tryVerify(() => inView(window, lastErase(window)), 5000,
                  "the focused button was not scrolled into view")
        keyClick(Qt.Key_Space)  // a switch's "press"
        tryVerify(() => findChild(window.contentItem, "erase wizard") !== null, 5000,
                  "pressing the focused Erase did not open the wizard")
        compare(find(window, "erase wizard").device.path, test.media[test.media.length - 1])
        press(window, "close wizard")
    }

    // A new listing (another medium attached) keeps the cards that are still there: a person
    // moving through the cards by switch or keyboard keeps their place and their focus.
    function test_aFocusedCardStaysAsItWasWhenAnotherMediumArrives() {
        const window = createTemporaryObject(kiosk, test)
        homeWithManyMedia(window)
        window.requestActivate()
        tryVerify(() => window.active, 5000, "the kiosk's window is not active")
        const card = find(window, "card " + test.media[3])
        const button = find(window, "erase " + test.media[3])
        button.forceActiveFocus(Qt.TabFocusReason)
        verify(button.activeFocus, "the card's Erase button took no focus")
        const more = testbed.attachMedia(1, 16)
        compare(more.length, 1, "a ninth loop device could not be attached")
        tryVerify(() => findChild(window.contentItem, "card " + more[0]) !== null, kAnswer,
                  "the new medium got no card")
        verify(findChild(window.contentItem, "card " + test.media[3]) === card,
               "the focused card was made anew when the listing changed")
        verify(button.activeFocus, "the focus left the card when another medium arrived")
        keyClick(Qt.Key_Space)  // a switch's "press", where the person left off
        tryVerify(() => findChild(window.contentItem, "erase wizard") !== null, 5000,
                  "pressing the focused Erase did not open the wizard")
        compare(find(window, "erase wizard").device.path, test.media[3])
        press(window, "close wizard")
    }
}
