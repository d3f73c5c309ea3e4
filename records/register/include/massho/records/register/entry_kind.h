#pragma once

#include <string_view>

namespace massho::records {

// Every kind of register entry, named once. An auditor reading the register meets these words
// in the "kind" field; appliance/docs/ and massho(1) describe what each records.
struct EntryKind {
    // The register itself and its keys.
    static constexpr const char* RegisterCreated = "register-created";
    static constexpr const char* KeyRotated = "key-rotated";
    static constexpr const char* WitnessCosigned = "witness-cosigned";
    // People.
    static constexpr const char* UserCreated = "user-created";
    static constexpr const char* UserLocked = "user-locked";
    static constexpr const char* UserPasswordChanged = "user-password-changed";
    static constexpr const char* UserDisabled = "user-disabled";
    static constexpr const char* UserEnabled = "user-enabled";
    static constexpr const char* LoginFailed = "login-failed";
    // Approval requests.
    static constexpr const char* RequestCreated = "request-created";
    static constexpr const char* RequestApproved = "request-approved";
    static constexpr const char* RequestRejected = "request-rejected";
    static constexpr const char* RequestReleased = "request-released";
    static constexpr const char* ApprovalRefused = "approval-refused";
    // Erasure.
    static constexpr const char* ErasureStarted = "erasure-started";
    static constexpr const char* Erasure = "erasure";
    static constexpr const char* ErasureRefused = "erasure-refused";
    // Carry-out and carry-in.
    static constexpr const char* CarryOutStarted = "carry-out-started";
    static constexpr const char* CarryOut = "carry-out";
    static constexpr const char* CarryOutRefused = "carry-out-refused";
    static constexpr const char* CarryIn = "carry-in";
    static constexpr const char* CarryInRefused = "carry-in-refused";
    static constexpr const char* RecipientAdded = "recipient-added";
    static constexpr const char* RecipientRemoved = "recipient-removed";
    // The media ledger.
    static constexpr const char* MediumRegistered = "medium-registered";
    static constexpr const char* MediumMoved = "medium-moved";
    static constexpr const char* MediumUpdated = "medium-updated";
    static constexpr const char* MediumDestroyed = "medium-destroyed";
    static constexpr const char* MediumDisposed = "medium-disposed";
    static constexpr const char* MediumReturnedToLessor = "medium-returned-to-lessor";
    // The papers.
    static constexpr const char* CertificateIssued = "certificate-issued";
    static constexpr const char* CertificatePrinted = "certificate-printed";
};

// True when the entry's "kind" is `kind` (or, for entryKindStartsWith, begins with `prefix`),
// read from the canonical bytes without parsing them: the folds over a whole register call this
// for every entry. Canonical JSON escapes every quote inside a string, so the byte sequence
// "kind":"… can only be a key and its value, never text inside another field.
bool entryKindStartsWith(std::string_view entryBytes, std::string_view prefix);
bool entryHasKind(std::string_view entryBytes, std::string_view kind);

}  // namespace massho::records
