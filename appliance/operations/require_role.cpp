#include "massho/operations/require_role.h"

#include <string>

#include "massho/base/reason.h"
#include "massho/operations/operation_error.h"

namespace massho::operations {

void requireRole(const records::User& person, std::initializer_list<records::Role> anyOf,
                 std::string_view act) {
    std::string roles;
    for (auto role : anyOf) {
        if (person.hasRole(role)) return;
        if (!roles.empty()) roles += " or ";
        roles += records::toString(role);
    }
    throw base::withReason(
        NotAuthorizedError("'" + person.id + "' does not hold the " + roles + " role that " +
                           std::string(act) + " needs; ask an administrator"),
        "role.missing", {person.id, roles, std::string(act)});
}

}  // namespace massho::operations
