#include "massho/operations/media_policy.h"

#include "massho/operations/operation_error.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

void requireLedgerKeeper(const records::User& person, std::string_view act) {
    requireRole(
        person,
        {records::Role::DataManager, records::Role::RecordsOfficer, records::Role::Operator}, act);
}

void requireDataManagerNamed(const records::Users& users, const std::optional<std::string>& id) {
    if (!id) return;
    const auto user = users.find(*id);
    if (!user)
        throw OperationError(
            base::ErrorCategory::BadInput,
            "no user '" + id->substr(0, 40) +
                "': --data-manager takes the user ID of a data manager (massho user list)");
    if (!user->hasRole(records::Role::DataManager) || user->disabled)
        throw OperationError(base::ErrorCategory::Refused,
                             "user " + *id + " is " +
                                 (user->disabled ? "disabled" : "not a data manager") +
                                 ": --data-manager must name an enabled user with the "
                                 "data-manager role");
}

}  // namespace massho::operations
