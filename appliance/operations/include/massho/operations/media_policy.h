#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "massho/records/people/users.h"

namespace massho::operations {

// Who keeps the media ledger (媒体管理台帳, the city's standard Art. 8): the data manager keeps
// media records (Art. 13(10)), records officers and operators handle the media. Throws
// OperationError(Refused) naming `act` for anyone else.
void requireLedgerKeeper(const records::User& person, std::string_view act);

// The data manager named for a medium answers for it (Art. 13(10)): an account that exists, is
// enabled and has the role. An unknown ID is a typo (OperationError BadInput); a person without
// the role, or disabled, is refused (Refused). Nothing named: nothing to check.
void requireDataManagerNamed(const records::Users& users, const std::optional<std::string>& id);

}  // namespace massho::operations
