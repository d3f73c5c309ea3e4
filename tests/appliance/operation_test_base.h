#pragma once

#include <gtest/gtest.h>

#include "massho/operations/operation.h"

namespace massho::operations {

// A fixture base for operation tests: one progress sink and cancel token, and the two ways a
// test drives an operation — through check() and run(), or expecting check() to stop it.
class OperationTestBase : public ::testing::Test {
  protected:
    Outcome perform(Operation&& op) {
        op.check();
        return op.run(progress, cancel);
    }
    // The category check() stopped the operation with; a test failure when it did not stop it.
    base::ErrorCategory refusal(Operation&& op) {
        try {
            op.check();
        } catch (const OperationError& e) {
            return e.category();
        }
        ADD_FAILURE() << "checked";
        return base::ErrorCategory::Failed;
    }

    ProgressSink progress;
    CancelToken cancel;
};

}  // namespace massho::operations
