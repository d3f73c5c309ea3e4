#pragma once

#include "massho/base/error.h"
#include "massho/operations/outcome.h"

namespace massho::cli {

// massho(1) EXIT STATUS, the one place an error's category becomes a number: 0 done, 1 ran and
// failed, 2 bad usage or input, 3 refused.
constexpr int kExitDone = 0;

constexpr int exitCodeFor(base::ErrorCategory category) {
    switch (category) {
        case base::ErrorCategory::BadInput:
            return 2;
        case base::ErrorCategory::Refused:
            return 3;
        case base::ErrorCategory::Failed:
            break;
    }
    return 1;
}

// An operation that ran: done 0; refused once running 3; failed or interrupted 1 (the medium,
// or the package, is not what was asked for).
constexpr int exitCodeFor(operations::OutcomeKind kind) {
    switch (kind) {
        case operations::OutcomeKind::Done:
            return kExitDone;
        case operations::OutcomeKind::Refused:
            return exitCodeFor(base::ErrorCategory::Refused);
        case operations::OutcomeKind::Failed:
        case operations::OutcomeKind::Interrupted:
            break;
    }
    return exitCodeFor(base::ErrorCategory::Failed);
}

}  // namespace massho::cli
