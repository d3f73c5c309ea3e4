import QtQuick
import QtTest
import Massho.Kiosk

// Every main screen of the kiosk, in Japanese and in English, reached as a person would (the real
// Main.qml against the real masshod), checked for characters no font can draw (tofu) and saved
// as SCREEN-LANGUAGE.png in $MASSHO_SCREENSHOTS. Run by appliance/tools/kiosk-screenshots.
// A new screen is one line in `screens`: its name, and how to reach it from a fresh window.
KioskTestCase {
    id: test
    name: "KioskScreens"
    when: windowShown

    readonly property var screens: [
        { name: "login", reach: w => {} },
        { name: "login-typing", reach: w => typeLogin(w, "op1", "Correct") },
        { name: "login-wrong-password", reach: w => wrongPassword(w) },
        { name: "home-operator", reach: w => homeWithCard(w, "op1") },
        { name: "home-auditor", reach: w => homeWithCard(w, "aud") },
        { name: "jobs-running", reach: w => jobShown(w, runningJob, "state", "消去中", "Erasing") },
        { name: "job-recorded", reach: w => jobShown(w, recordedJob, "entry") },
        { name: "wizard-purpose", reach: w => wizardAt(w, wizardDevice(), 0, "reuse", 4) },
        { name: "wizard-asset-tag", reach: w => wizardAt(w, wizardDevice(), 1, "reuse", 4) },
        { name: "wizard-method", reach: w => wizardAt(w, wizardDevice(), 2, "reuse", 4) },
        { name: "wizard-confirm", reach: w => wizardAt(w, wizardDevice(), 3, "reuse", 4) },
        { name: "approval-second-person", reach: w => approvalByDataManager(w) },
        { name: "job-result", reach: w => jobResult(w) },
        { name: "register-search", reach: w => registerFound(w) },
        { name: "certificate-preview", reach: w => certificatePreview(w) },
        { name: "register-report", reach: w => ledgerReport(w) },
        { name: "audit-verified", reach: w => auditVerified(w) },
        { name: "ledger-register", reach: w => ledgerRegisterForm(w) },
        { name: "ledger-history", reach: w => ledgerRegistered(w) },
        { name: "ledger-move", reach: w => ledgerMove(w) },
        { name: "ledger-destroy-witness", reach: w => ledgerDestroyWitnessed(w) },
        { name: "carry-out-files", reach: w => carryOutAt(w, carryDevice(), 0, 4) },
        { name: "carry-out-recipient", reach: w => carryOutAt(w, carryDevice(), 1, 4) },
        { name: "carry-out-asset-tag", reach: w => carryOutAt(w, carryDevice(), 2, 4) },
        { name: "carry-out-confirm", reach: w => carryOutAt(w, carryDevice(), 3, 4) },
        { name: "carry-out-approval", reach: w => carryOutApproval(w) },
        { name: "carry-out-done", reach: w => carryOutDone(w) },
        { name: "carry-in", reach: w => carryInAt(w, carryDevice(), false) },
        { name: "carry-in-done", reach: w => carryInAt(w, takeCarriedOut(), true) },
        { name: "admin-users", reach: w => adminAt(w, "users") },
        { name: "admin-add-user", reach: w => adminAddUser(w) },
        { name: "admin-key-book", reach: w => adminAt(w, "keys") },
        { name: "admin-policy", reach: w => adminAt(w, "policy") },
        { name: "text-keyboard-kana", reach: w => kanaCandidates(w) },
    ]
    readonly property var languages: ["ja", "en"]

    Component {
        id: kiosk
        Main { visible: true }
    }

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }

    // Waits for `condition`; on timeout fails with `why()`, read then (what the screen says).
    function waitFor(condition, timeout, why) {
        for (let waited = 0; !condition(); waited += 50) {
            if (waited >= timeout) fail(why())
            wait(50)
        }
    }
    function wrongPassword(window) {
        typeLogin(window, "op1", "Wrong-Horse-42")
        press(window, "log in")
        tryVerify(() => find(window, "login error").visible, 15000, "no message")
    }
    function homeWithCard(window, user) {
        logIn(window, user)
        tryVerify(() => window.client.devices.count > 0, 10000, "no card")
    }
    // Shows the home screen (as the auditor: every job shows to whoever is logged in) once the
    // job that `job(window)` started (its device) shows `part`, with one of `texts` if given.
    function jobShown(window, job, part, ...texts) {
        logIn(window, "aud")
        const device = job(window)
        tryVerify(() => {
            const row = findChild(window.contentItem, "job " + device)
            const item = row ? findChild(row, part) : null
            return item && item.visible && (texts.length === 0 || texts.includes(item.text))
        }, 60000, "the job on " + device + " does not show its " + part)
    }

    // A job that outlasts the screenshots (35-pass Gutmann on 128 MiB), started once.
    property string runningDevice: ""
    function runningJob(window) {
        if (runningDevice === "") {
            const device = testbed.attachMedia(1, 256)[0]
            verify(device, "no medium attached")
            tryVerify(() => window.client.devices.has(device), 30000,
                      "the service does not list " + device)
            compare(testbed.startErase("op1", device, "gutmann"), "")
            runningDevice = device
        }
        return runningDevice
    }
    // A job ended and recorded: the test bed's medium zero-filled, started once.
    property bool recorded: false
    function recordedJob(window) {
        if (!recorded) {
            compare(testbed.startErase("op1", testbed.devicePath), "")
            recorded = true
        }
        return testbed.devicePath
    }

    // The erase wizard as op1 fills it in, on `device`, up to `step` (0 purpose and class, 1 asset
    // tag, 2 method, 3 the typed confirmation). A loop device has no serial: the confirmation is
    // the last 4 characters of its name, and its asset tag (not in the media ledger) is typed.
    function wizardAt(window, device, step, purpose, infoClass) {
        logIn(window, "op1")
        window.client.refreshDevices()
        tryVerify(() => findChild(window.contentItem, "erase " + device) !== null, 30000,
                  "no card for " + device)
        press(window, "erase " + device)
        press(window, "purpose " + purpose)
        press(window, "class " + infoClass)
        if (step < 1) return
        press(window, "wizard next")
        press(window, "asset field")
        typeOn(window, "TAG-" + device.split("/").pop())
        if (step < 2) return
        press(window, "wizard next")
        tryVerify(() => find(window, "nist level").text.length > 0, 15000, "no method preselected")
        if (step < 3) return
        press(window, "wizard next")
        press(window, "confirmation field")
        typeOn(window, device.split("/").pop().slice(-4))
        tryVerify(() => find(window, "submit erase").enabled, 15000, "the plan did not come")
    }
    // The form's medium, attached once: its screens only look, nothing is submitted.
    property string formDevice: ""
    function wizardDevice() {
        if (formDevice === "") {
            formDevice = testbed.attachDevice(16)
            verify(formDevice !== "", "no loop device")
        }
        return formDevice
    }
    // A medium of its own for each screen that submits (a request or an erasure).
    function freshDevice() {
        const device = testbed.attachDevice(16)
        verify(device !== "", "no loop device")
        return device
    }
    // Disposal always needs a data manager (the default policy): dm logs in beside op1.
    function approvalByDataManager(window) {
        wizardAt(window, freshDevice(), 3, "disposal", 2)
        press(window, "submit erase")
        waitFor(() => findChild(window.contentItem, "request id") !== null, 60000,
                () => "no request was made: " + find(window, "wizard error").text)
        press(window, "second user id field")
        typeOn(window, "dm")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        tryVerify(() => find(window, "approve").visible, 15000, "dm was not logged in")
    }
    // Reuse of class 4 needs no approval: erased at once, followed to its register entry.
    function jobResult(window) {
        wizardAt(window, freshDevice(), 3, "reuse", 4)
        press(window, "submit erase")
        waitFor(() => findChild(window.contentItem, "result entry") !== null
                      && find(window, "result entry").visible, 60000,
                () => "no register entry: " + find(window, "wizard error").text)
    }

    // The records officer's and the auditor's screens (tst_records.qml tests them).
    property int certifiedEntry: -1
    function screenErasure() {
        if (certifiedEntry < 0) {
            compare(testbed.startEraseWith("op1", freshDevice(), "zero", "SCREEN-1"), "")
            tryVerify(() => testbed.lastJobState() === "done", 120000, "the erasure did not end")
            certifiedEntry = testbed.lastJobEntry()
        }
        return certifiedEntry
    }
    function registerFound(window) {
        const entry = screenErasure()
        logIn(window, "rec")
        press(window, "open register")
        press(window, "asset field")
        typeOn(window, "SCREEN-1")
        press(window, "search")
        tryVerify(() => findChild(window.contentItem, "issue " + entry) !== null, 15000,
                  "entry " + entry + " not found")
        return entry
    }
    function certificatePreview(window) {
        const entry = registerFound(window)
        if (!find(window, "preview " + entry).visible) {
            press(window, "issue " + entry)
            tryVerify(() => find(window, "preview " + entry).visible, 15000, "not issued")
        }
        press(window, "preview " + entry)
        tryVerify(() => find(window, "preview image").status === Image.Ready, 15000, "no preview")
    }
    function ledgerReport(window) {
        logIn(window, "rec")
        press(window, "open register")
        press(window, "show reports")
        press(window, "report ledger")
        tryVerify(() => find(window, "report title").visible, 15000, "no report")
    }
    function auditVerified(window) {
        logIn(window, "aud")
        press(window, "open audit")
        // Enabled once the checkpoint the view asks for on opening has come.
        tryVerify(() => find(window, "verify now").enabled, 15000, "verify now stays disabled")
        press(window, "verify now")
        tryVerify(() => find(window, "verify result").visible, 30000, "not verified")
    }

    // The media ledger (LedgerView.qml) as op1 uses it from a fresh medium's card: the
    // registration form at its asset tag, then (registered under a tag of its own) the record
    // with its history, the move to storage, and a destruction with dm logged in as the witness.
    function waitUntilPressable(window, name) {
        tryVerify(() => {
            const item = findChild(window.contentItem, name)
            return item && item.visible && item.enabled
        }, 60000, "'" + name + "' cannot be pressed")  // the service's look-up, under ASan too
        wait(30)
    }
    function ledgerOpened(window) {
        logIn(window, "op1")
        const device = freshDevice()
        window.client.refreshDevices()
        waitUntilPressable(window, "ledger " + device)
        press(window, "ledger " + device)
        waitUntilPressable(window, "start register")
        press(window, "start register")
        return device
    }
    function ledgerRegisterForm(window) {
        const device = ledgerOpened(window)
        press(window, "ledger tag field")
        typeOn(window, "SHOT-" + device.split("/").pop())
    }
    function ledgerRegistered(window) {
        ledgerRegisterForm(window)
        press(window, "register next")
        waitUntilPressable(window, "ledger class 3")
        press(window, "ledger class 3")
        press(window, "register next")
        press(window, "register next")
        waitUntilPressable(window, "register medium")
        press(window, "register medium")
        tryVerify(() => findChild(window.contentItem, "medium history") !== null
                        && find(window, "medium history").count > 0, 30000, "not registered")
    }
    function ledgerMove(window) {
        ledgerRegistered(window)
        press(window, "start move")
        waitUntilPressable(window, "write protected true")
        press(window, "write protected true")
    }
    function ledgerDestroyWitnessed(window) {
        ledgerRegistered(window)
        press(window, "start destroy")
        waitUntilPressable(window, "destroy by shred")
        press(window, "destroy by shred")
    }

    // The carry-out wizard as op1 fills it in on `device`, up to `step` (0 files, 1 office and
    // class, 2 asset tag, 3 the summary with the typed confirmation), with a file in an allowed
    // folder and an office in the key book (the test bed sets them up as an administrator would).
    function carryOutAt(window, device, step, infoClass) {
        const file = testbed.prepareCarryOut()
        verify(file !== "", "no allowed folder or key book")
        logIn(window, "op1")
        window.client.refreshDevices()
        tryVerify(() => findChild(window.contentItem, "carry out " + device) !== null, 30000,
                  "no card for " + device)
        press(window, "carry out " + device)
        tryVerify(() => findChild(window.contentItem, "source " + file) !== null, 15000,
                  "the allowed folder is not listed")
        press(window, "source " + file)
        if (step < 1) return
        press(window, "carry out next")
        tryVerify(() => findChild(window.contentItem, "recipient kita-ward") !== null, 15000,
                  "the key book is not listed")
        press(window, "recipient kita-ward")
        press(window, "carry class " + infoClass)
        if (step < 2) return
        press(window, "carry out next")
        press(window, "carry asset field")
        typeOn(window, "CO-" + device.split("/").pop())
        if (step < 3) return
        press(window, "carry out next")
        press(window, "carry confirmation field")
        typeOn(window, device.split("/").pop().slice(-4))
        tryVerify(() => find(window, "submit carry out").enabled, 15000, "the plan did not come")
    }
    property string carryFormDevice: ""
    function carryDevice() {
        if (carryFormDevice === "") carryFormDevice = freshDevice()
        return carryFormDevice
    }
    // Class 2 needs a data manager (the default policy): dm logs in beside op1.
    function carryOutApproval(window) {
        carryOutAt(window, freshDevice(), 3, 2)
        press(window, "submit carry out")
        // Asking discovers the medium again (as the erasure's request does): a minute on a loaded
        // machine, where masshod's listing waits on busy disks (ui-qml/README.md).
        waitFor(() => findChild(window.contentItem, "request id") !== null, 60000,
                () => "no request was made: " + find(window, "carry out error").text)
        press(window, "second user id field")
        typeOn(window, "dm")
        press(window, "second password field")
        typeOn(window, testbed.password)
        press(window, "second log in")
        tryVerify(() => findChild(window.contentItem, "second log out") !== null, 15000,
                  "dm was not logged in as the witness")
        tryVerify(() => find(window, "approve").visible, 15000, "dm was not logged in")
    }
    // Class 4: carried out at once, followed to its register entry; the media come back below.
    property var carriedOut: []
    function carryOutDone(window) {
        const device = freshDevice()
        carryOutAt(window, device, 3, 4)
        press(window, "submit carry out")
        waitFor(() => findChild(window.contentItem, "result entry") !== null
                      && find(window, "result entry").visible, 60000,
                () => "no register entry: " + find(window, "carry out error").text)
        carriedOut = carriedOut.concat([device])
    }
    // A medium carried out above (a fresh one, unmatched, if none).
    function takeCarriedOut() {
        if (carriedOut.length === 0) return freshDevice()
        const device = carriedOut[carriedOut.length - 1]
        carriedOut = carriedOut.slice(0, -1)
        return device
    }
    // The return of `device`, its confirmation typed; recorded and crypto-erased when `record`.
    function carryInAt(window, device, record) {
        verify(testbed.prepareCarryOut() !== "")
        logIn(window, "op1")
        window.client.refreshDevices()
        tryVerify(() => findChild(window.contentItem, "carry in " + device) !== null, 30000,
                  "no card for " + device)
        press(window, "carry in " + device)
        press(window, "carry in confirmation field")
        typeOn(window, device.split("/").pop().slice(-4))
        if (!record) return
        press(window, "record carry in")
        waitFor(() => findChild(window.contentItem, "result entry") !== null
                      && find(window, "result entry").visible, 60000,
                () => "no register entry: " + find(window, "carry in error").text)
    }

    // The administrator's screens (AdminScreen.qml), each section once its list has come.
    function adminAt(window, section) {
        logIn(window, "admin")
        press(window, "open admin")
        press(window, "admin section " + section)
        const list = section === "users" ? "user list" : section === "keys" ? "recipient list"
                                                                            : "policy list"
        if (section !== "keys")
            tryVerify(() => find(window, list).count > 0, 15000, "nothing in " + list)
    }
    function adminAddUser(window) {
        adminAt(window, "users")
        press(window, "open add user")
        press(window, "new user id field")
        typeOn(window, "sato")
        press(window, "role operator")
        press(window, "new user password field")
        typeOn(window, "Sato-Hanako-77")
    }

    // The text keyboard over the add-a-user form: やまだ typed on the kana keys, its candidates.
    function kanaCandidates(window) {
        adminAt(window, "users")
        press(window, "open add user")
        press(window, "new user name field")
        for (const key of "やまた゛") press(window, "kana key " + key)
        tryVerify(() => findChild(window.contentItem, "candidate 山田") !== null, 15000,
                  "no candidates for やまだ")
    }

    // The check itself finds a missing glyph: an Egyptian hieroglyph (U+13000), which no
    // font installed for the kiosk draws, is reported with its code point.
    Component {
        id: tofu
        Main {
            visible: true
            Text { objectName: "tofu"; text: "A\uD80C\uDC00"; font.pixelSize: 24 }
        }
    }
    function test_theTofuCheckFindsAMissingGlyph() {
        const window = createTemporaryObject(tofu, test)
        wait(100)
        const missing = testbed.missingGlyphs(window)
        compare(missing.length, 1, missing.join("\n"))
        verify(missing[0].indexOf("U+13000") >= 0 && missing[0].indexOf("tofu") >= 0, missing[0])
    }

    function test_screen_data() {
        const rows = []
        for (const screen of screens)
            for (const language of languages)
                rows.push({ tag: screen.name + "-" + language, screen: screen, language: language })
        return rows
    }
    function test_screen(data) {
        const window = createTemporaryObject(kiosk, test)
        window.language.current = data.language
        data.screen.reach(window)
        wait(300)  // let the last change reach the screen
        const missing = testbed.missingGlyphs(window)
        verify(missing.length === 0, "characters drawn as boxes:\n" + missing.join("\n"))
        if (testbed.screenshotDir !== "")
            verify(testbed.saveScreenshot(window, data.tag), "saving " + data.tag + ".png")
    }
}
