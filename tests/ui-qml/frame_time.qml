import QtQuick
import QtTest
import Massho.Kiosk

// The UI thread never waits on D-Bus or disk: with four erasures running (real loop devices, over
// files in memory; 35-pass Gutmann so that they outlast the measurement; all four report
// progress on the bus four times a second), the kiosk logged in on its home screen
// with every job's progress on it shows no frame later than 50 ms after the one before, in the
// offscreen renderer (which renders on the GUI thread: a late frame is a busy UI thread).
// On a machine loaded by others (load average at or above its processors before the erasures),
// the frames as shown are printed, not asserted, and the UI thread's own time (its waits for a
// processor taken out, frame_probe.h) must stay within 50 ms for 99 % of frames.
// Run on its own (tests/ui-qml/CMakeLists.txt: KioskFrameTime), not with the tst_*.qml.
KioskTestCase {
    id: test
    name: "KioskFrameTime"
    when: windowShown

    readonly property int measureMs: 10000
    readonly property int baselineMs: 5000
    readonly property real worstFrameMs: 50

    Component {
        id: kiosk
        Main { visible: true }
    }

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    function jobState(window, device) {
        const row = findChild(window.contentItem, "job " + device)
        const state = row ? findChild(row, "state") : null
        return state ? state.text : ""
    }

    function test_noFrameOver50msWithFourErasuresRunning() {
        const window = createTemporaryObject(kiosk, test)
        press(window, "user id field")
        typeOn(window, "op1")
        press(window, "password field")
        typeOn(window, testbed.password)
        press(window, "log in")
        const signedIn = () => findChild(window.contentItem, "signed in as") !== null
        tryVerify(() => signedIn() || window.client.error !== "", 60000, "no answer to the login")
        verify(signedIn(), "not logged in: " + window.client.error)
        const media = testbed.attachMedia(4, 1024)
        compare(media.length, 4)
        for (const device of media)
            tryVerify(() => findChild(window.contentItem, "erase " + device) !== null, 60000,
                      "no card for " + device)

        // The same screen with nothing running first: what the machine itself allows (printed, for
        // a reader of a failure on a loaded machine; not asserted).
        testbed.startFrameProbe(window)
        wait(baselineMs)
        const idle = testbed.stopFrameProbe("no erasure running")

        for (const device of media)
            compare(testbed.startErase("op1", device, "gutmann"), "", "erasing " + device)
        const running = ["消去中", "検証中"]  // erasing, verifying
        for (const device of media)
            tryVerify(() => running.includes(jobState(window, device)), 60000,
                      device + " is not shown erasing but '" + jobState(window, device) + "'")

        testbed.startFrameProbe(window)
        wait(measureMs)
        const frames = testbed.stopFrameProbe("four erasures running")
        // The measurement counts only if all four were erasing throughout.
        for (const device of media)
            verify(running.includes(jobState(window, device)),
                   device + " ended before the measurement did: use larger media")
        verify(frames.count >= measureMs / 100, "only " + frames.count + " frames in "
               + measureMs + " ms: frames were not requested")
        // On a machine that other work already kept busy before the erasures began (a shared build
        // machine), a frame also waits for processors that are not the kiosk's to give, and even
        // the time left once the run-queue wait is taken out now and then holds a long stall the
        // kernel imposed (seen: one frame in ~450, on a machine under CPU and I/O pressure): there
        // the UI thread's own time must stay within 50 ms for 99 % of frames, and the rest is
        // printed for the record.
        if (idle.load >= idle.processors) {
            warn("loaded machine (load average " + idle.load + " on " + idle.processors
                 + " processors before the erasures): frame time as shown not asserted; longest "
                 + frames.max.toFixed(1) + " ms, of which " + frames.waitOfMax.toFixed(1)
                 + " ms waiting for a processor; own time max " + frames.ownMax.toFixed(1)
                 + " ms")
            verify(frames.ownP99 <= worstFrameMs, "the UI thread itself took more than "
                   + worstFrameMs + " ms for 1 % of frames (p99 " + frames.ownP99.toFixed(1)
                   + " ms), not counting waits for a processor")
            return
        }
        verify(frames.max <= worstFrameMs, "a frame took " + frames.max.toFixed(1)
               + " ms (p99 " + frames.p99.toFixed(1) + " ms)")
    }
}
