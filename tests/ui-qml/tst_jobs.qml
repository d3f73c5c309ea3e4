import QtQuick
import QtTest
import Massho.Kiosk

// Jobs on the kiosk: a colleague's erasure, started at another kiosk, shown to whoever is logged
// in here, to its end and its register entry.
KioskTestCase {
    id: test
    name: "KioskJobs"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }

    function test_aColleaguesErasureIsFollowedToItsRegisterEntry() {
        const window = createTemporaryObject(kiosk, test)
        press(window, "user id field")
        typeOn(window, "aud")
        press(window, "password field")
        typeOn(window, testbed.password)
        press(window, "log in")
        tryVerify(() => findChild(window.contentItem, "signed in as") !== null, 15000)

        compare(testbed.startErase("op1", testbed.devicePath), "")
        tryVerify(() => findChild(window.contentItem, "job " + testbed.devicePath) !== null, 10000,
                  "the job did not appear")
        // Rows are redrawn as the job changes: look them up afresh each time.
        const part = name => {
            const row = findChild(window.contentItem, "job " + testbed.devicePath)
            return row ? findChild(row, name) : null
        }
        tryVerify(() => part("entry") !== null && part("entry").visible, 60000,
                  "no register entry shown")
        compare(part("percent").text, "100%")
        compare(part("state").text, "完了")
        verify(/\d+/.test(part("entry").text), part("entry").text)
        if (testbed.screenshotDir !== "") {
            wait(200)
            verify(testbed.saveScreenshot(window, "home-auditor-jobs"))
        }
    }
}
