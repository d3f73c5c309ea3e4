pragma Singleton
import QtQuick

// The service's stable words — roles and what a job is doing — in the language chosen, in one
// place for every screen that shows them. The words come from the service (GetUsers' roles, a
// job's Operation and State); nothing here decides anything.
QtObject {
    // Every role the service knows, in the order the forms offer them.
    readonly property var roles: ["operator", "data-manager", "records-officer", "auditor",
                                  "chief", "admin"]

    // The same words as the certificates (records/papers: operator 作業者).
    function roleName(role) {
        switch (role) {
        case "operator": return qsTr("Operator")
        case "data-manager": return qsTr("Data manager")
        case "records-officer": return qsTr("Records officer")
        case "auditor": return qsTr("Auditor")
        case "chief": return qsTr("Chief")
        case "admin": return qsTr("Administrator")
        }
        return role
    }
    function roleNames(roles) {
        return (roles || []).map(roleName).join(qsTr(", "))
    }

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
