#pragma once

#include "massho/base/error.h"

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

}  // namespace massho::cli
