#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace massho::records {

// The roles of the city's standard (Art. 3–6-2, 7-3); appliance/docs/policy.md, "Roles and
// separation of duties", says what each may do.
enum class Role { Admin, DataManager, Operator, RecordsOfficer, Auditor, Chief };

std::string_view toString(Role role);
std::optional<Role> parseRole(std::string_view text);
// Throws UserError naming the valid roles.
Role parseRoleOrThrow(std::string_view text);

using RoleSet = std::set<Role>;
// Sorted by name, comma-joined: the form written in entries and the users table.
std::string joinRoles(const RoleSet& roles);
RoleSet splitRoles(std::string_view joined);

}  // namespace massho::records
