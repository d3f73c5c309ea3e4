pragma Singleton
import QtQuick

// The service's stable words — what a job is doing — in the language chosen, in one place for
// every screen that shows them. The words come from the service (a job's Operation and State);
// nothing here decides anything.
QtObject {
    // What the job is done to: its device, or nothing for the register's own check (whose
    // Device the service gives as "register").
    function jobSubject(job) {
        return job.Operation === "verify-register" ? "" : (job.Device || "")
    }
    // What the job is doing or how it ended. Operation (masshod(8), the Job interface): erase,
    // carry-out, carry-in, verify-register; a job read before its properties arrive has none.
    function jobState(job) {
        if (job.Operation === "verify-register") {
            switch (job.State) {
            case "running":
            case "verifying": return qsTr("Verifying the register")
            case "done": return qsTr("Register verified")
            case "failed": return qsTr("Register verification failed")
            }
        }
        switch (job.State) {
        case "running": return qsTr("Erasing")
        case "verifying": return qsTr("Verifying")
        case "done": return qsTr("Done")
        case "failed": return qsTr("Failed")
        case "cancelled": return qsTr("Cancelled")
        case "interrupted": return qsTr("Interrupted")
        }
        return job.State || "…"
    }
}
