#include "reason_keys.h"

#include <QtGlobal>

namespace massho::kiosk {

// Each key is translated in context "ServiceReason" (i18n/massho_kiosk_ja.ts); the comment is the
// service's English line, for the translator. A key missing here loses its translation at the
// next lupdate -no-obsolete: tests/ui-qml's reason test compares this list with the service's.
const std::vector<const char*>& reasonKeys() {
    static const std::vector<const char*> keys{
        //: wrong user ID or password
        QT_TRANSLATE_NOOP("ServiceReason", "login.wrong"),
        //: account locked until %1: wait or ask an administrator
        QT_TRANSLATE_NOOP("ServiceReason", "login.locked"),
        //: account disabled
        QT_TRANSLATE_NOOP("ServiceReason", "login.disabled"),
        //: account expired on %1
        QT_TRANSLATE_NOOP("ServiceReason", "login.expired"),
        //: the password of %1 is older than %2 days: change it
        QT_TRANSLATE_NOOP("ServiceReason", "login.password-expired"),
        //: a login is already being checked: wait for its answer, then try again
        QT_TRANSLATE_NOOP("ServiceReason", "login.busy"),
        //: too many sessions are open: log out of one first
        QT_TRANSLATE_NOOP("ServiceReason", "session.too-many"),
        //: this session belongs to another connection
        QT_TRANSLATE_NOOP("ServiceReason", "session.other-connection"),
        //: the account %1 is disabled or has expired: the session has ended
        QT_TRANSLATE_NOOP("ServiceReason", "session.ended"),
        //: the session has ended (logged out, idle or too old): log in again
        QT_TRANSLATE_NOOP("ServiceReason", "session.closed"),
        //: %1 does not hold the %2 role that %3 needs
        QT_TRANSLATE_NOOP("ServiceReason", "role.missing"),
        //: %1 made request %2 and may not %3 it
        QT_TRANSLATE_NOOP("ServiceReason", "approval.self"),
        //: %1 does not hold the data-manager role
        QT_TRANSLATE_NOOP("ServiceReason", "approval.not-data-manager"),
        //: cannot %1 %2: it is %3, not %4
        QT_TRANSLATE_NOOP("ServiceReason", "request.not-pending"),
        //: no request %1
        QT_TRANSLATE_NOOP("ServiceReason", "request.unknown"),
        //: request %1 cannot be used: no data manager has approved it yet
        QT_TRANSLATE_NOOP("ServiceReason", "request.unapproved"),
        //: request %1 cannot be used: it was rejected by %2: make a new request
        QT_TRANSLATE_NOOP("ServiceReason", "request.rejected"),
        //: request %1 cannot be used: another run is using it right now
        QT_TRANSLATE_NOOP("ServiceReason", "request.in-use"),
        //: request %1 cannot be used: it was used already (register entry %2): an approval is good
        //: for one run
        QT_TRANSLATE_NOOP("ServiceReason", "request.used"),
        //: request %1 cannot be used: its approval expired at %2 (UTC): make a new request
        QT_TRANSLATE_NOOP("ServiceReason", "request.expired"),
        //: request %1 cannot be used: it approves another purpose, class, asset, method,
        //: destination or medium than this run
        QT_TRANSLATE_NOOP("ServiceReason", "request.mismatch"),
        //: %1 is not a device this service listed
        QT_TRANSLATE_NOOP("ServiceReason", "device.unlisted"),
        //: %1 is being worked on by job %2
        QT_TRANSLATE_NOOP("ServiceReason", "device.busy"),
        //: only %1, who started this job, or an administrator may cancel it
        QT_TRANSLATE_NOOP("ServiceReason", "job.not-yours"),
        //: the job has already ended (%1)
        QT_TRANSLATE_NOOP("ServiceReason", "job.ended"),
        //: a drive's own sanitize command cannot be cancelled once sent
        QT_TRANSLATE_NOOP("ServiceReason", "job.sanitize-running"),
        //: %1 is longer than %2 bytes
        QT_TRANSLATE_NOOP("ServiceReason", "argument.too-long"),
        //: refusing to disable the last enabled administrator
        QT_TRANSLATE_NOOP("ServiceReason", "user.last-admin"),
        //: user %1 already exists
        QT_TRANSLATE_NOOP("ServiceReason", "user.exists"),
        //: no user %1
        QT_TRANSLATE_NOOP("ServiceReason", "user.unknown"),
        //: user ID %1 is invalid
        QT_TRANSLATE_NOOP("ServiceReason", "user.invalid-id"),
        //: a user needs at least one role
        QT_TRANSLATE_NOOP("ServiceReason", "user.no-role"),
        //: unknown role %1
        QT_TRANSLATE_NOOP("ServiceReason", "user.unknown-role"),
        //: expiry date %1 is in the past
        QT_TRANSLATE_NOOP("ServiceReason", "user.expiry-past"),
        //: expiry date %1 is not a date
        QT_TRANSLATE_NOOP("ServiceReason", "user.expiry-invalid"),
        //: password is shorter than %1 characters
        QT_TRANSLATE_NOOP("ServiceReason", "password.short"),
        //: password is longer than %1 characters
        QT_TRANSLATE_NOOP("ServiceReason", "password.long"),
        //: password uses fewer than %1 kinds of character
        QT_TRANSLATE_NOOP("ServiceReason", "password.classes"),
        //: password repeats too few characters
        QT_TRANSLATE_NOOP("ServiceReason", "password.repeats"),
        //: password is the user ID
        QT_TRANSLATE_NOOP("ServiceReason", "password.user-id"),
        //: password is built on a well-known password
        QT_TRANSLATE_NOOP("ServiceReason", "password.well-known"),
        //: not a valid age public key
        QT_TRANSLATE_NOOP("ServiceReason", "recipient.bad-key"),
        //: recipient name %1 is invalid
        QT_TRANSLATE_NOOP("ServiceReason", "recipient.invalid-name"),
        //: recipient %1 already exists
        QT_TRANSLATE_NOOP("ServiceReason", "recipient.exists"),
        //: no recipient %1
        QT_TRANSLATE_NOOP("ServiceReason", "recipient.unknown"),
    };
    return keys;
}

}  // namespace massho::kiosk
