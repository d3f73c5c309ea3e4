#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "massho/records/register/secret.h"

namespace massho::operations {

struct ChangePasswordInput {
    std::string userId;        // whose password
    records::Secret password;  // the new one
};

// "Change this password" (the city's standard Art. 13(4)): one's own, or anyone's as an
// administrator. check(): that rule. run(): records::Users::changePassword, which checks the
// password rules and appends `password-changed`.
class ChangePasswordOperation : public Operation {
  public:
    ChangePasswordOperation(records::Store& store, records::User by, ChangePasswordInput input);

    std::string_view name() const override { return "user-passwd"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User by_;
    ChangePasswordInput input_;
};

}  // namespace massho::operations
