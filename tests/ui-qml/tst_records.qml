import QtQuick
import QtTest
import Massho.Kiosk

// The records officer and the auditor at the kiosk, against the real service: an officer finds
// an erasure by its asset tag (its time in Japan time) and by a period typed on the keypad
// (one typed backwards is the service's refusal), issues its certificate, previews the issued
// page and prints it (a stand-in lp on masshod's PATH keeps what CUPS would get); an auditor
// verifies the register now, sees the latest checkpoint, and the check in the jobs panel as what
// it is; an operator sees neither screen's button.
KioskTestCase {
    id: test
    name: "KioskRecords"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    kAnswer: 60000  // a loaded machine's service is slow (see tst_flows.qml)

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    // "YYYY-MM-DD HH:MM:SS JST" of an RFC 3339 UTC time, worked out here apart from the kiosk.
    function japanTime(rfc3339) {
        const t = new Date(Date.parse(rfc3339) + 9 * 3600 * 1000).toISOString()
        return t.slice(0, 10) + " " + t.slice(11, 19) + " JST"
    }
    // An erasure by op1 at another kiosk of a fresh medium with `asset`; its register entry.
    function erasedFor(asset) {
        const path = testbed.attachDevice(16)
        verify(path !== "", "no loop device")
        compare(testbed.startEraseWith("op1", path, "zero", asset), "")
        tryVerify(() => testbed.lastJobState() === "done", kAnswer * 2, "the erasure did not end")
        return testbed.lastJobEntry()
    }

    function test_anOfficerFindsAnErasureByAssetTagAndPrintsItsCertificate() {
        const window = createTemporaryObject(kiosk, test)
        const entry = erasedFor("REC-Q1")
        verify(entry >= 0)
        logIn(window, "rec", "en")
        press(window, "open register")
        press(window, "search by asset tag")
        press(window, "asset field")
        typeOn(window, "REC-Q1")
        press(window, "search")
        tryVerify(() => findChild(window.contentItem, "entry " + entry) !== null, kAnswer,
                  "the erasure's entry " + entry + " was not found: "
                  + find(window, "register error").text)
        verify(find(window, "entry " + entry).Accessible.name.indexOf("REC-Q1") !== -1)
        // Its time in Japan time, the zone said, as on the certificate.
        const ended = japanTime(testbed.entryField(entry, "ended"))
        verify(find(window, "entry " + entry).Accessible.name.indexOf(ended) !== -1,
               ended + " / " + find(window, "entry " + entry).Accessible.name)
        // The same erasure by the day it ended, typed on the keypad (its start, then its end).
        const day = ended.slice(0, 10)
        press(window, "search by period")
        press(window, "from field")
        typeOn(window, day)
        press(window, "search")
        compare(find(window, "period from").text, "From " + day)
        press(window, "to field")
        typeOn(window, day)
        press(window, "search")
        tryVerify(() => findChild(window.contentItem, "entry " + entry) !== null, kAnswer,
                  "not found by its day " + day + ": " + find(window, "register error").text)
        // A period typed the wrong way round: the service's refusal, nothing found.
        press(window, "search by period")
        press(window, "from field")
        typeOn(window, day)
        press(window, "search")
        press(window, "to field")
        typeOn(window, "2000-01-01")
        press(window, "search")
        tryVerify(() => find(window, "register error").text.indexOf("before it begins") !== -1,
                  kAnswer, "a backwards period was not refused: " + find(window, "register error").text)
        verify(findChild(window.contentItem, "entry " + entry) === null)
        press(window, "search by asset tag")
        press(window, "asset field")
        typeOn(window, "REC-Q1")
        press(window, "search")
        tryVerify(() => findChild(window.contentItem, "entry " + entry) !== null, kAnswer)
        // Nothing issued yet: no preview or print until the certificate exists.
        verify(!find(window, "print " + entry).visible)
        press(window, "issue " + entry)
        tryVerify(() => find(window, "print " + entry).visible, kAnswer,
                  "not issued: " + find(window, "register error").text + " / "
                  + find(window, "register message").text + " / "
                  + find(window, "entry " + entry).Accessible.name)

        press(window, "preview " + entry)
        tryVerify(() => find(window, "preview image").status === Image.Ready, kAnswer,
                  "no preview: " + find(window, "register error").text)
        const image = find(window, "preview image")
        compare(image.sourceSize.height, 900)  // the issued A4 page, its longer side as asked
        verify(Math.abs(image.sourceSize.width - 900 * 210 / 297) < 3, "" + image.sourceSize.width)
        press(window, "print previewed")
        tryVerify(() => find(window, "register message").text.indexOf("sent to the printer") !== -1,
                  kAnswer, "not printed: " + find(window, "register error").text)
        const printed = testbed.printed()
        verify(printed.indexOf("massho certificate " + entry) !== -1, printed)
        verify(!/bytes 0$/.test(printed), printed)
        press(window, "close preview")

        press(window, "show reports")
        press(window, "report ledger")
        tryVerify(() => find(window, "report title").text.indexOf("Media ledger") !== -1, kAnswer,
                  "no report: " + find(window, "register error").text)
    }

    function test_anAuditorVerifiesTheRegisterNowAndSeesTheCheckpoint() {
        const window = createTemporaryObject(kiosk, test)
        logIn(window, "aud", "en")
        press(window, "open audit")
        tryVerify(() => find(window, "checkpoint").visible, kAnswer, "no checkpoint")
        press(window, "verify now")
        tryVerify(() => find(window, "verify state").text === "The register verifies.", kAnswer,
                  "not verified: " + find(window, "verify state").text + " "
                  + find(window, "audit error").text)
        // What was verified is the register up to the checkpoint shown (read again at the end).
        tryVerify(() => {
            const size = /Size: (\d+) entries/.exec(find(window, "checkpoint").text)
            return size && find(window, "verify result").text
                               .indexOf("register verified: " + size[1] + " entries") === 0
        }, kAnswer, find(window, "verify result").text + " / " + find(window, "checkpoint").text)
        verify(find(window, "no witnesses").visible)

        // In everyone's jobs panel the check is the register's, never an erasure of a device.
        press(window, "close audit")
        const row = find(window, "job register")
        compare(findChild(row, "state").text, "Register verified")
        verify(!findChild(row, "subject").visible, findChild(row, "subject").text)
        verify(row.Accessible.name.indexOf("Erasing") === -1, row.Accessible.name)
        // While it runs (too short here to catch): what the row says then.
        compare(ServiceWords.jobState({ Operation: "verify-register", State: "running" }),
                "Verifying the register")
        press(window, "language")
        tryVerify(() => findChild(row, "state").text === "台帳を検証済み", 5000,
                  findChild(row, "state").text)
        compare(ServiceWords.jobState({ Operation: "verify-register", State: "running" }),
                "台帳の検証中")
    }

    // The service's UTC times as Japan reads them: the day changes at 15:00 UTC, and a text
    // that is not a time is shown as it came.
    function test_timesAreShownInJapanTime() {
        compare(JapanTime.dateTime("2026-12-03T14:59:59Z"), "2026-12-03 23:59:59 JST")
        compare(JapanTime.dateTime("2026-12-03T15:00:00Z"), "2026-12-04 00:00:00 JST")
        compare(JapanTime.date("2026-12-31T15:00:00Z"), "2027-01-01")
        compare(JapanTime.dateTime("unknown"), "unknown")
        compare(JapanTime.today(0), japanTime(new Date().toISOString()).slice(0, 10))
    }

    function test_anOperatorSeesNeitherTheRegisterNorTheAudit() {
        const window = createTemporaryObject(kiosk, test)
        logIn(window, "op1", "en")
        verify(!find(window, "open register").visible)
        verify(!find(window, "open audit").visible)
    }
}
