#pragma once

#include <optional>
#include <string>

namespace massho::service {

// Sends a PDF to CUPS with `lp` (cups-client), the document on its standard input, as
// `massho certificate --print` does: the archived bytes, never a re-render. Runs on a worker
// thread and waits for lp (a minute at most). Throws OperationError (Failed) saying what to do
// when lp is missing, fails or hangs; then nothing is recorded.
void printWithLp(const std::string& pdf, const std::optional<std::string>& printer,
                 const std::string& title);

}  // namespace massho::service
