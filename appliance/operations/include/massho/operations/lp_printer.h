#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace massho::operations {

// Sends a PDF to CUPS with `lp` (cups-client), the document on its standard input: the archived
// bytes, never a re-render (PrintCertificateInput::send for `massho certificate --print` and
// masshod). `timeout`: how long to wait for lp, which only hands the job to the spooler; none
// waits as long as it takes. Returns what lp said on its standard output (its request id).
// Throws OperationError (Failed) saying what to do when lp is missing, fails or does not answer
// in time; then PrintCertificateOperation records nothing.
std::string printWithLp(const std::string& pdf, const std::optional<std::string>& printer,
                        const std::string& title,
                        std::optional<std::chrono::milliseconds> timeout = std::nullopt);

}  // namespace massho::operations
