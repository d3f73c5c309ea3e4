#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "massho/operations/carryin_operation.h"
#include "massho/records/people/users.h"

namespace massho::records {
class Store;
}  // namespace massho::records

namespace massho::service {

// A medium's return (carry-in) with the store it refers to (the operation keeps the media
// ledger) kept alive together, so that a worker thread can own it: the same operation `massho
// carryin` builds, the crypto-erase with the default overwrite (usb-clear).
class CarryInJob : public operations::Operation {
  public:
    CarryInJob(const std::filesystem::path& dataDir, const records::User& person,
               std::string device, std::string condition, bool cryptoErase);
    ~CarryInJob() override;

    std::string_view name() const override { return "carry-in"; }
    void check() override;
    operations::Outcome run(operations::ProgressSink& progress,
                            const operations::CancelToken& cancel) override;

  private:
    std::unique_ptr<records::Store> store_;
    std::unique_ptr<operations::CarryInOperation> operation_;
};

}  // namespace massho::service
