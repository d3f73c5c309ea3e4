import QtQuick
import QtTest
import Massho.Kiosk

// The flows staff use to erase a medium and leave with a certificate, against the real service:
// the erase wizard, a data manager's approval on the same kiosk, progress to the register entry,
// the certificate, cancelling, and the idle lock. Each test erases a loop device of its own, so
// that its media ledger row is its own.
KioskTestCase {
    id: test
    name: "KioskFlows"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    // Answers of the service: kAnswer (KioskTestCase). A device listing (libblkid probing every
    // block device of the machine, on masshod's lister thread) may take longer; nothing else
    // waits for it (see ui-qml/README.md).
    readonly property int kListing: 30000  // GetDevices times out at D-Bus's default 25 s anyway

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    function screenshot(window, name) {
        if (testbed.screenshotDir === "") return
        wait(200)
        verify(testbed.saveScreenshot(window, name), "screenshot " + name)
    }
    // A fresh loop device of its own, listed by the service and shown as a card.
    function attach(window, mebibytes) {
        const path = testbed.attachDevice(mebibytes)
        verify(path !== "", "no loop device")
        return path
    }
    // Asks the service to list devices once (a listing probes every device: never in a loop).
    function waitForListing(window, path) {
        window.client.refreshDevices()
        tryVerify(() => window.client.devices.has(path), kListing,
                  path + " was not listed")
    }
    function waitForCard(window, path) {
        waitForListing(window, path)
        tryVerify(() => findChild(window.contentItem, "erase " + path) !== null, 10000,
                  "no card for " + path)
    }
    // The device's confirmation: a loop device has no serial, so the last 4 of its name.
    function confirmationFor(path) {
        return path.split("/").pop().slice(-4)
    }
    // Opens the wizard on `path` and fills it in up to the confirmation step.
    function fillWizard(window, path, purpose, infoClass, asset, method) {
        press(window, "erase " + path)
        const wizard = find(window, "erase wizard")
        press(window, "purpose " + purpose)
        press(window, "class " + infoClass)
        press(window, "wizard next")
        press(window, "asset field")
        typeOn(window, asset)
        press(window, "wizard next")
        tryVerify(() => findChild(window.contentItem, "method " + method) !== null, kAnswer,
                  "the service offered no " + method)
        press(window, "method " + method)
        verify(find(window, "nist level").text.length > 0)
        press(window, "wizard next")
        press(window, "confirmation field")
        return wizard
    }

    function test_anErasureApprovedBySecondPersonOnTheSameKioskReachesTheRegister() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 24)
        logIn(window, "op1")
        switchToEnglish(window)
        waitForCard(window, path)
        fillWizard(window, path, "disposal", 2, "FLOW-A", "zero")
        tryVerify(() => find(window, "approval notice").visible, kAnswer,
                  "the service did not say an approval is needed")
        typeOn(window, confirmationFor(path))
        compare(find(window, "submit erase").text, "Ask for approval")
        screenshot(window, "wizard-confirm-en")
        press(window, "submit erase")

        // The operator stays logged in; the data manager logs in beside them and approves.
        tryVerify(() => findChild(window.contentItem, "request id") !== null, kAnswer,
                  "no request was made: " + find(window, "wizard error").text)
        verify(/REQ-\d+/.test(find(window, "request id").text), find(window, "request id").text)
        press(window, "second user id field")
        typeOn(window, "dm")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        screenshot(window, "approval-second-person-en")
        press(window, "approve")
        tryVerify(() => find(window, "erase now").visible, kAnswer, "not approved")
        compare(find(window, "signed in as").text, "Signed in as op1")
        press(window, "erase now")

        tryVerify(() => findChild(window.contentItem, "result entry") !== null
                        && find(window, "result entry").visible, 60000, "no register entry")
        verify(find(window, "job progress").text.startsWith("100%"), find(window, "job progress").text)
        verify(/register entry \d+/.test(find(window, "result entry").text))
        screenshot(window, "result-en")

        // The certificate is a records officer's: the operator hears so and one logs in here.
        press(window, "preview certificate")
        tryVerify(() => find(window, "certificate error").visible, kAnswer)
        verify(find(window, "certificate error").text.indexOf("records-officer") >= 0,
               find(window, "certificate error").text)
        press(window, "second user id field")
        typeOn(window, "rec")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        tryVerify(() => findChild(window.contentItem, "second log out") !== null, kAnswer)
        press(window, "preview certificate")
        tryVerify(() => find(window, "certificate").visible, kAnswer, "no certificate")
        verify(find(window, "certificate").text.indexOf(".pdf") >= 0, find(window, "certificate").text)
        screenshot(window, "certificate-en")
    }

    function test_aWrongConfirmationIsRefusedBeforeAnythingIsSent() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 20)
        logIn(window, "op1")
        switchToEnglish(window)
        waitForCard(window, path)
        fillWizard(window, path, "reuse", 4, "FLOW-B", "zero")
        typeOn(window, "zz99")
        press(window, "submit erase")
        const error = find(window, "wizard error")
        tryVerify(() => error.visible, 5000)
        verify(error.text.indexOf("not the last 4") >= 0, error.text)
        // Nothing was asked of the service: no job for the device, no request, still the form.
        wait(500)
        verify(findChild(window.contentItem, "job state") === null)
        verify(findChild(window.contentItem, "request id") === null)
        verify(findChild(window.contentItem, "job " + path) === null, "a job was started")
    }

    function test_aRequesterCannotApproveTheirOwnRequest() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 28)
        logIn(window, "both")  // an operator who is also a data manager
        switchToEnglish(window)
        waitForCard(window, path)
        fillWizard(window, path, "disposal", 3, "FLOW-C", "zero")
        tryVerify(() => find(window, "approval notice").visible, kAnswer)
        typeOn(window, confirmationFor(path))
        press(window, "submit erase")
        tryVerify(() => findChild(window.contentItem, "request id") !== null, kAnswer,
                  "no request was made: " + find(window, "wizard error").text)
        press(window, "second user id field")
        typeOn(window, "both")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        press(window, "approve")
        const error = find(window, "approval error")
        tryVerify(() => error.visible, kAnswer, "self-approval was not refused")
        verify(error.text.indexOf("may not approve it") >= 0, error.text)
        // The same refusal in Japanese after the switch, and back.
        press(window, "language")
        tryVerify(() => error.text.indexOf("自分で承認・却下できません") >= 0, 5000, error.text)
        press(window, "language")
        tryVerify(() => error.text.indexOf("may not approve it") >= 0, 5000, error.text)
        verify(!find(window, "erase now").visible)
        screenshot(window, "approval-self-refused-en")
    }

    function test_theKioskLocksWhenIdleAndShowsRunningErasuresWithoutDetails() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 160)
        waitForListing(window, path)
        logIn(window, "op1")
        switchToEnglish(window)
        // Locks after the idle time (shortened here from the service's minutes).
        window.idleIntervalMs = 500
        tryVerify(() => findChild(window.contentItem, "lock notice") !== null
                        && find(window, "lock notice").visible, kAnswer, "the kiosk did not lock")
        // A colleague's erasure starts while the screen is locked.
        compare(testbed.startEraseWith("op2", path, "dod-7", "FLOW-D"), "")
        const running = find(window, "running on lock")
        for (let waited = 0; !running.visible && waited < kAnswer; waited += 100) wait(100)
        verify(running.visible, "the running erasure is not shown on the lock screen: "
               + JSON.stringify(Array.from(running.parent.data).filter(o => o.jobs !== undefined)
                                .map(o => o.jobs)))
        compare(find(window, "running on lock").text, "Erasures running: 1")
        // Without details: no row names the medium or whose job it is.
        verify(findChild(window.contentItem, "job " + path) === null)
        screenshot(window, "lock-en")
        // Its operator cancels it from the other kiosk; the lock screen follows.
        compare(testbed.cancelLastJob(), "")
        tryVerify(() => !find(window, "running on lock").visible, 2 * kAnswer,
                  "the cancelled erasure is still shown as running")
    }

    function test_aRunningErasureIsCancelledAndRecorded() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 64)
        logIn(window, "op1")
        switchToEnglish(window)
        waitForCard(window, path)
        fillWizard(window, path, "reuse", 4, "FLOW-E", "dod-7")
        typeOn(window, confirmationFor(path))
        compare(find(window, "submit erase").text, "Erase now")
        press(window, "submit erase")
        press(window, "cancel job")
        const dialog = find(window, "job cancel dialog")
        tryVerify(() => dialog.visible, 5000)
        screenshot(window, "cancel-confirm-en")
        press(window, "confirm yes", dialog)
        tryVerify(() => find(window, "job state").text.indexOf("Cancelled") >= 0, kAnswer,
                  "not cancelled: " + find(window, "job state").text)
        tryVerify(() => find(window, "job result").text.indexOf("NOT erased") >= 0, kAnswer)
        tryVerify(() => find(window, "result entry").visible, kAnswer, "the cancel was not recorded")
        verify(!find(window, "preview certificate").visible, "a certificate for a cancelled erasure")
        screenshot(window, "cancelled-en")
    }

    function test_theNewScreensSpeakJapaneseByDefaultAndEnglishAtATouch() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 12)
        logIn(window, "op1")
        waitForCard(window, path)
        press(window, "erase " + path)
        compare(find(window, "wizard next").text, "次へ")
        compare(find(window, "purpose reuse").text, "庁内で再利用")
        screenshot(window, "wizard-ja")
        press(window, "language")
        compare(find(window, "wizard next").text, "Next")
        compare(find(window, "purpose reuse").text, "Reuse in the office")
        press(window, "language")
        compare(find(window, "wizard next").text, "次へ")
    }

    function test_anAuditorIsOfferedNoErasure() {
        const window = createTemporaryObject(kiosk, test)
        const path = attach(window, 10)
        logIn(window, "aud")
        waitForListing(window, path)
        const erase = findChild(window.contentItem, "erase " + path)
        verify(erase === null || !erase.visible, "an auditor was offered an erasure")
        verify(!find(window, "open queue").visible, "an auditor was offered the approval queue")
    }
}
