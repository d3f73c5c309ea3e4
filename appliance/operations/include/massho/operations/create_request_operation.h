#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "massho/operations/operation.h"
#include "massho/records/people/requests.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct CreateRequestInput {
    // What is asked (kind, purpose, class, asset, method or destination, note). The device is
    // filled in by check() from discovery, never from what the person typed.
    records::RequestDetails details;
    std::string devicePath;
    bool allowRegularFile = false;  // a disk image instead of a block device (the demo)
    // Folders whose backing device must never be erased (the data directory).
    std::vector<std::filesystem::path> protectedPaths;
};

// "Ask a data manager to allow this erasure or carry-out" (the city's standard, Art. 8(4), 8(7)):
// an operator's act. check(): the role, and the medium discovered and guarded as `massho erase`
// (or the carry-out, which writes the whole medium) will see it, nothing written. run(): the
// request and its `request-created` entry (records::Requests::create, which checks the fields).
class CreateRequestOperation : public Operation {
  public:
    CreateRequestOperation(records::Store& store, records::User requester,
                           CreateRequestInput input);

    std::string_view name() const override { return "request"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // After run(): the stored request (its ID for the approver).
    const records::Request& request() const { return request_; }

  private:
    records::Store& store_;
    records::User requester_;
    CreateRequestInput input_;
    records::Request request_;
    bool checked_ = false;
};

}  // namespace massho::operations
