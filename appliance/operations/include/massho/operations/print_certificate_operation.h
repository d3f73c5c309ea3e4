#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct PrintCertificateInput {
    uint64_t index = 0;                  // the certified entry
    std::optional<std::string> printer;  // none: the system's default printer
    // Sends the archived bytes to the printer (CUPS `lp` for the command line); throws when
    // printing failed, and then nothing is recorded.
    std::function<void(const std::string& pdf)> send;
};

// "Print the certificate issued for this entry": the archived PDF of its latest issue, never a
// re-render, after checking its bytes still have the SHA-256 the register recorded. Printing is
// an act of its own in the register: a `certificate-printed` entry says who printed which bytes
// where. A records officer's act.
class PrintCertificateOperation : public Operation {
  public:
    PrintCertificateOperation(records::Store& store, records::User officer,
                              PrintCertificateInput input);

    std::string_view name() const override { return "certificate-print"; }
    // The role, the entry, and the archived PDF (none issued, missing or altered: Failed).
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User officer_;
    PrintCertificateInput input_;
    std::string pdf_;
};

}  // namespace massho::operations
