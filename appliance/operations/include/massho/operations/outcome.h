#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace massho::operations {

// How an operation that ran ended. Bad input and refusals found by checking are thrown as
// OperationError before anything is written; an Outcome is what a run that started ends with.
enum class OutcomeKind {
    Done,         // did what was asked, and recorded it
    Failed,       // tried and did not succeed (an I/O error, a failed verification), recorded
    Refused,      // refused once running (an approval claimed by someone else), recorded
    Interrupted,  // cancelled by a person, or the process was stopped; recorded as such
};

std::string_view toString(OutcomeKind kind);

// One outcome type for every operation: what the person is told and which register entry says
// so. An operation's own result (the erasure report, the package written) sits beside it.
struct Outcome {
    OutcomeKind kind = OutcomeKind::Done;
    std::string message;                    // one line: what happened and, if not done, what now
    std::optional<uint64_t> registerIndex;  // the entry recording it (none for a read-only act)

    bool done() const { return kind == OutcomeKind::Done; }
};

}  // namespace massho::operations
