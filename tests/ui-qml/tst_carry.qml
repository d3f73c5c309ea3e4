import QtQuick
import QtTest
import Massho.Kiosk

// Carrying files out and taking the medium back, through the kiosk against the real service: the
// carry-out wizard from a medium's card (a file from an allowed folder, an office from the key
// book, class, asset tag, the typed confirmation) followed to its register entry; a class 2
// carry-out approved by a data manager logged in beside the operator; then the same medium's
// return with its crypto-erase, to the entries that record them.
KioskTestCase {
    id: test
    name: "KioskCarry"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    kAnswer: 60000  // a loaded machine's service is slow (see tst_flows.qml)

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    function screenshot(window, name) {
        if (testbed.screenshotDir === "") return
        wait(200)
        verify(testbed.saveScreenshot(window, name), "screenshot " + name)
    }
    // A fresh loop device of its own, listed by the service and shown as a card.
    function attachCard(window) {
        const path = testbed.attachDevice(32)
        verify(path !== "", "no loop device")
        window.client.refreshDevices()
        tryVerify(() => findChild(window.contentItem, "carry out " + path) !== null, kAnswer,
                  "no card with Carry out for " + path)
        return path
    }
    function confirmationFor(path) {
        return path.split("/").pop().slice(-4)
    }
    // The wizard filled in up to its summary, the confirmation typed.
    function fillCarryOut(window, path, file, infoClass, asset) {
        press(window, "carry out " + path)
        press(window, "source " + file)
        verify(find(window, "source " + file).checked)
        press(window, "carry out next")
        press(window, "recipient kita-ward")
        press(window, "carry class " + infoClass)
        press(window, "carry out next")
        press(window, "carry asset field")
        typeOn(window, asset)
        press(window, "carry out next")
        press(window, "carry confirmation field")
        typeOn(window, confirmationFor(path))
        const summary = find(window, "carry out summary").text
        verify(summary.includes("minutes.txt") && summary.includes("北区役所"), summary)
    }
    function entryOf(window) {
        tryVerify(() => findChild(window.contentItem, "result entry") !== null
                        && find(window, "result entry").visible, 2 * kAnswer,
                  "no register entry: " + (findChild(window.contentItem, "job result") || { text: "" }).text)
        const shown = find(window, "result entry").text.match(/register entry (\d+)/)
        verify(shown, find(window, "result entry").text)
        return Number(shown[1])
    }

    function test_aCarryOutFromTheWizardAndTheMediumsReturnAreRecorded() {
        const window = createTemporaryObject(kiosk, test)
        const file = testbed.prepareCarryOut()
        verify(file !== "", "the key book or the allowed folder could not be set up")
        logIn(window, "op1", "en")
        const path = attachCard(window)

        fillCarryOut(window, path, file, 4, "co-1")
        verify(!find(window, "carry approval notice").visible)
        compare(find(window, "submit carry out").text, "Carry out now")
        screenshot(window, "carry-out-confirm-en")
        press(window, "submit carry out")
        const out = entryOf(window)
        verify(find(window, "job state").text.endsWith("Done"), find(window, "job state").text)
        compare(testbed.entryField(out, "kind"), "carry-out")
        compare(testbed.entryField(out, "operator"), "op1")
        compare(testbed.entryField(out, "destination"), "北区役所")
        screenshot(window, "carry-out-done-en")
        press(window, "close carry out")

        // The medium comes back: its return recorded and the medium crypto-erased.
        press(window, "carry in " + path)
        press(window, "condition seal broken")
        verify(find(window, "crypto erase true").checked)
        press(window, "carry in confirmation field")
        typeOn(window, confirmationFor(path))
        screenshot(window, "carry-in-en")
        press(window, "record carry in")
        const back = entryOf(window)
        const result = find(window, "job result").text
        verify(result.includes("returned from carry-out entry " + out), result)
        const erasure = testbed.entryField(back, "erasure_index")
        verify(result.includes("register entry " + erasure), result)
        compare(testbed.entryField(back, "kind"), "carry-in")
        compare(testbed.entryField(back, "condition"), "seal broken")
        compare(testbed.entryField(back, "crypto_erase"), "done")
        compare(testbed.entryField(Number(erasure), "result"), "erased")
        screenshot(window, "carry-in-done-en")
    }

    function test_aClassTwoCarryOutIsApprovedBySecondPersonOnTheSameKiosk() {
        const window = createTemporaryObject(kiosk, test)
        const file = testbed.prepareCarryOut()
        verify(file !== "")
        logIn(window, "op1", "en")
        const path = attachCard(window)

        fillCarryOut(window, path, file, 2, "co-2")
        tryVerify(() => find(window, "carry approval notice").visible, kAnswer,
                  "the service did not say an approval is needed")
        compare(find(window, "submit carry out").text, "Ask for approval")
        press(window, "submit carry out")
        tryVerify(() => findChild(window.contentItem, "request id") !== null, kAnswer,
                  "no request was made: " + find(window, "carry out error").text)
        press(window, "second user id field")
        typeOn(window, "dm")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        screenshot(window, "carry-out-approval-en")
        press(window, "approve")
        tryVerify(() => find(window, "erase now").visible, kAnswer, "not approved")
        compare(find(window, "erase now").text, "Carry out now")
        press(window, "erase now")
        const out = entryOf(window)
        compare(testbed.entryField(out, "kind"), "carry-out")
        compare(testbed.entryField(out, "approver"), "dm")
    }

    function test_aWrongConfirmationSendsNothing() {
        const window = createTemporaryObject(kiosk, test)
        const file = testbed.prepareCarryOut()
        verify(file !== "")
        logIn(window, "op1", "en")
        const path = attachCard(window)
        press(window, "carry in " + path)
        press(window, "carry in confirmation field")
        typeOn(window, "zzzz")
        press(window, "record carry in")
        tryVerify(() => find(window, "carry in error").text.includes("last 4"), 5000)
        verify(findChild(window.contentItem, "result entry") === null)
    }
}
