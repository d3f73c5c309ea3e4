#pragma once

#include <initializer_list>
#include <string_view>

#include "massho/records/people/roles.h"
#include "massho/records/people/users.h"

namespace massho::operations {

// "Who may do this act" (the city's standard, Art. 7-3: roles separate the duties). The shell
// authenticates the person (the login is its own); the role an act needs is checked by the
// operation, so that the command line, the service and the kiosk enforce one rule. Throws
// NotAuthorizedError (an OperationError, Refused) naming the roles `act` needs when `person` holds
// none of them.
void requireRole(const records::User& person, std::initializer_list<records::Role> anyOf,
                 std::string_view act);

}  // namespace massho::operations
