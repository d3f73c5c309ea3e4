import QtQuick
import QtTest
import Massho.Kiosk

// The media ledger on the kiosk, against the real service and a real loop device: a medium
// registered from its card when first attached, its history with register indexes, moved to
// storage, and destroyed before a witness who logs in here as the second person — never the
// same person as the one recording it.
KioskTestCase {
    id: test
    name: "KioskLedger"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    kAnswer: 60000  // a loaded machine's service is slow (see tst_flows.qml)

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    function pressAll(window, names) {
        for (const name of names) press(window, name)
    }
    function secondLogIn(window, user) {
        press(window, "second user id field")
        typeOn(window, user)
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        tryVerify(() => findChild(window.contentItem, "second log out") !== null, kAnswer,
                  user + " was not logged in as the second person")
    }
    function attachListed(window) {
        const path = testbed.attachDevice(12)
        verify(path !== "", "no loop device")
        window.client.refreshDevices()
        tryVerify(() => window.client.devices.has(path), kAnswer,
                  path + " was not listed")
        return path
    }
    function notice(window) {
        const label = find(window, "ledger notice")
        tryVerify(() => label.visible, kAnswer,
                  "nothing recorded: " + find(window, "ledger error").text)
        return label.text
    }
    function entryOf(text) {
        const found = /register entry (\d+)/.exec(text)
        verify(found, text)
        return Number(found[1])
    }
    function historyRows(window) {
        const list = find(window, "medium history")
        const rows = []
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain)
            rows.push(list.itemAtIndex(i).text)
        }
        return rows
    }

    function test_aMediumIsRegisteredMovedAndDestroyedBeforeAWitness() {
        const window = createTemporaryObject(kiosk, test)
        logIn(window, "op1", "en")
        const path = attachListed(window)

        // Not in the ledger: its card offers to register it.
        tryVerify(() => {
            const button = findChild(window.contentItem, "ledger " + path)
            return button && button.visible && button.text === "Register in the ledger…"
        }, kAnswer, "the card offers no registration")
        press(window, "ledger " + path)
        press(window, "start register")
        press(window, "ledger tag field")
        typeOn(window, "LEDGER-K1")
        press(window, "register next")
        press(window, "ledger class 3")
        press(window, "register next")
        // Section and place in Japanese on the text keyboard: 税務 from ぜいむ, 保管庫 and a B.
        press(window, "ledger section field")
        pressAll(window, ["kana key せ", "kana key ゛", "kana key い", "kana key む"])
        press(window, "candidate 税務")
        press(window, "text key done")  // the keyboard closes and shows the wizard's buttons
        press(window, "register next")
        press(window, "ledger location field")
        pressAll(window, ["kana key ほ", "kana key か", "kana key ん", "kana key こ",
                          "candidate 保管庫", "text key mode", "text key shift", "text key B",
                          "text key done"])
        press(window, "register medium")
        const added = entryOf(notice(window))
        tryVerify(() => findChild(window.contentItem, "medium summary") !== null, kAnswer)
        compare(find(window, "medium summary").text, "Asset tag LEDGER-K1 · class 3 · Registered")
        compare(find(window, "medium place").text, "Section: 税務 · Location: 保管庫B")
        tryVerify(() => find(window, "medium history").count === 1, kAnswer)
        const first = historyRows(window)[0]
        verify(first.startsWith("Register entry " + added + " · "), first)
        verify(first.indexOf("Added to the ledger") >= 0 && first.indexOf("by op1") >= 0, first)

        // Storage wants it write-protected: the service says so, then records the move.
        press(window, "start move")
        press(window, "move to stored")
        press(window, "record move")
        tryVerify(() => find(window, "ledger error").visible, kAnswer, "storing unprotected was accepted")
        verify(find(window, "ledger error").text.indexOf("write-protect") >= 0,
               find(window, "ledger error").text)
        press(window, "write protected true")
        press(window, "record move")
        const moved = entryOf(notice(window))
        verify(moved > added)
        tryVerify(() => find(window, "medium summary").text.endsWith("In storage"), kAnswer)
        tryVerify(() => find(window, "medium history").count === 2, kAnswer)
        const second = historyRows(window)[1]
        verify(second.startsWith("Register entry " + moved + " · ")
               && second.indexOf("Moved → In storage") >= 0, second)

        // The destruction: the one recording it cannot be their own witness.
        press(window, "start destroy")
        press(window, "destroy by shred")
        secondLogIn(window, "op1")
        press(window, "record destruction")
        tryVerify(() => find(window, "ledger error").visible, kAnswer, "self-witness was accepted")
        verify(find(window, "ledger error").text.indexOf("second person") >= 0,
               find(window, "ledger error").text)
        press(window, "second log out")
        secondLogIn(window, "dm")
        press(window, "record destruction")
        const destroyed = entryOf(notice(window))
        verify(destroyed > moved)
        tryVerify(() => find(window, "medium summary").text.endsWith("Destroyed"), kAnswer)
        tryVerify(() => find(window, "medium history").count === 3, kAnswer)
        const last = historyRows(window)[2]
        verify(last.startsWith("Register entry " + destroyed + " · ")
               && last.indexOf("Destroyed before a witness") >= 0, last)
        compare(find(window, "signed in as").text, "Signed in as op1")  // still op1's kiosk
        press(window, "close ledger")
    }

    function test_anAuditorIsOfferedNoLedgerActs() {
        const window = createTemporaryObject(kiosk, test)
        logIn(window, "aud", "en")
        const path = attachListed(window)
        wait(1000)
        const button = findChild(window.contentItem, "ledger " + path)
        verify(!button || !button.visible, "an auditor is offered the ledger's acts")
    }
}
