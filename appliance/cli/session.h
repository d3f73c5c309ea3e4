#pragma once

#include <initializer_list>

#include "command_line.h"
#include "commands.h"
#include "massho/records/people/roles.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "secret_input.h"

namespace massho::cli {

// Adds --as ID and --password-stdin (massho(1): a command that acts as a person).
void addSessionOptions(CommandLine& cl);

// Opens the data directory's store; a missing register is bad input (exit 2) naming `massho init`.
records::Store openStore(const Invocation& inv,
                         records::Store::Access access = records::Store::Access::ReadWrite);

// The person a command acts as, authenticated for this one command (the CLI keeps no sessions):
// the password is checked (a failure is recorded by records::Users and refused, exit 3) and the
// person must hold one of the roles the command needs.
class Session {
  public:
    // `purpose` ChangePassword accepts a password past its maximum age (to change it).
    static Session open(const Invocation& inv, const CommandLine& cl,
                        std::initializer_list<records::Role> anyOf,
                        records::AuthPurpose purpose = records::AuthPurpose::Login);

    records::Store& store() { return store_; }
    const records::User& user() const { return user_; }
    const std::string& userId() const { return user_.id; }
    // Further secrets (stdin line 2, …), e.g. a new user's password.
    Secret nextSecret(const std::string& prompt) { return input_.next(prompt); }

  private:
    Session(records::Store store, records::User user, SecretInput input)
        : store_(std::move(store)), user_(std::move(user)), input_(input) {}

    records::Store store_;
    records::User user_;
    SecretInput input_;
};

}  // namespace massho::cli
