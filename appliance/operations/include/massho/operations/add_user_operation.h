#pragma once

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "massho/records/register/secret.h"

namespace massho::operations {

struct AddUserInput {
    records::NewUser user;
    records::Secret password;  // the new user's first password
};

// "Give this person an account" (the city's standard Art. 13, 17, 20(9)): an administrator's
// act. check(): the role. run(): records::Users::add, which checks the ID, the roles, the
// password rules and the expiry, and appends `user-created`.
class AddUserOperation : public Operation {
  public:
    AddUserOperation(records::Store& store, records::User admin, AddUserInput input);

    std::string_view name() const override { return "user-add"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User admin_;
    AddUserInput input_;
};

}  // namespace massho::operations
