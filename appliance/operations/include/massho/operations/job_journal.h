#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace massho::records {
class Register;
}

namespace massho::operations {

// Erasures and carry-outs in flight (Art. 16(3): failures are recorded systematically,
// interrupted ones too). Before its first write a job appends an `erasure-started` (or
// `carry-out-started`) entry and a row here, in one transaction; its final `erasure` (or
// `carry-out`) entry removes the row in the same transaction. A row whose process is gone —
// another boot, or no such process — is a job that was killed or lost power: reconcile() records
// it as an `erasure` (or `carry-out`) with result `interrupted`, naming the started entry.
// Rows of jobs still running (another `massho erase` on another device, or the carry-out that
// runs this erasure) are left alone. The table keeps its first name, erasure_jobs, for older
// databases.
class JobJournal {
  public:
    explicit JobJournal(records::Register& log);

    // Appends the started entry and opens the row; returns the entry's index.
    uint64_t begin(const std::string& startedEntry, const std::string& devicePath);
    // Appends the final entry and closes the row; returns the entry's index.
    uint64_t finish(uint64_t startedIndex, const std::string& finalEntry);
    // Records every dead job as interrupted; returns the indexes of the entries appended.
    std::vector<uint64_t> reconcile();

  private:
    records::Register& register_;
};

}  // namespace massho::operations
