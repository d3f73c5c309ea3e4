#include "massho/operations/outcome.h"

namespace massho::operations {

std::string_view toString(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::Done:
            return "done";
        case OutcomeKind::Failed:
            return "failed";
        case OutcomeKind::Refused:
            return "refused";
        case OutcomeKind::Interrupted:
            return "interrupted";
    }
    return "failed";
}

}  // namespace massho::operations
