#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "massho/operations/carryout_operation.h"
#include "massho/records/people/users.h"

namespace massho::records {
class Store;
}  // namespace massho::records

namespace massho::service {

// What a person asked for in StartCarryOut, bounded and as given.
struct CarryOutAsk {
    std::string device;  // a listed device
    std::vector<std::filesystem::path> files;
    std::vector<std::string> recipients;  // names in the key book
    int infoClass = 0;
    std::string destination;
    std::string asset;  // "" = the media ledger's row
    std::optional<std::string> request;
};

// A carry-out with the store it refers to (the operation keeps the media ledger and the approval
// claim) kept alive together, so that a worker thread can own it: the same operation
// `massho carryout` builds, with recipients from the key book only.
class CarryOutJob : public operations::Operation {
  public:
    CarryOutJob(const std::filesystem::path& dataDir, const records::User& person, CarryOutAsk ask);
    ~CarryOutJob() override;

    std::string_view name() const override { return "carry-out"; }
    void check() override;
    operations::Outcome run(operations::ProgressSink& progress,
                            const operations::CancelToken& cancel) override;

  private:
    std::unique_ptr<records::Store> store_;
    std::unique_ptr<operations::CarryOutOperation> operation_;
};

}  // namespace massho::service
