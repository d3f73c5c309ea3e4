#include "massho/erase/report.h"

namespace massho::erase {

std::string_view toString(Outcome outcome) {
    switch (outcome) {
        case Outcome::Erased:
            return "erased";
        case Outcome::Cancelled:
            return "cancelled";
        case Outcome::Failed:
            break;
    }
    return "failed";
}

std::string_view toString(VerifyResult result) {
    switch (result) {
        case VerifyResult::Passed:
            return "passed";
        case VerifyResult::Failed:
            return "failed";
        case VerifyResult::NotRun:
            break;
    }
    return "not-run";
}

}  // namespace massho::erase
