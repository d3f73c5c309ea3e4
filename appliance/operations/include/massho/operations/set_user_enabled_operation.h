#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct SetUserEnabledInput {
    std::string userId;
    bool enabled = false;  // false: disable (a person who left, a dormant ID, Art. 17)
};

// "Disable (or enable again) this account": an administrator's act. check(): the role.
// run(): records::Users::disable or ::enable, which append `user-disabled` / `user-enabled`.
class SetUserEnabledOperation : public Operation {
  public:
    SetUserEnabledOperation(records::Store& store, records::User admin, SetUserEnabledInput input);

    std::string_view name() const override {
        return input_.enabled ? "user-enable" : "user-disable";
    }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User admin_;
    SetUserEnabledInput input_;
};

}  // namespace massho::operations
