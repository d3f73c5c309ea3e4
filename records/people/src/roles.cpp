#include "massho/records/people/roles.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "massho/base/reason.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles{{
    {Role::Admin, "admin"},
    {Role::DataManager, "data-manager"},
    {Role::Operator, "operator"},
    {Role::RecordsOfficer, "records-officer"},
    {Role::Auditor, "auditor"},
    {Role::Chief, "chief"},
}};

}  // namespace

std::string_view toString(Role role) {
    for (const auto& [r, name] : kRoles)
        if (r == role) return name;
    return "unknown";
}

std::optional<Role> parseRole(std::string_view text) {
    for (const auto& [r, name] : kRoles)
        if (name == text) return r;
    return std::nullopt;
}

Role parseRoleOrThrow(std::string_view text) {
    if (auto role = parseRole(text)) return *role;
    const std::string given(text.substr(0, 40));
    throw base::withReason(
        UserError("unknown role \"" + given +
                  "\": use admin, data-manager, operator, records-officer, auditor or chief"),
        "user.unknown-role", {given});
}

std::string joinRoles(const RoleSet& roles) {
    std::vector<std::string_view> names;
    for (Role r : roles) names.push_back(toString(r));
    std::sort(names.begin(), names.end());
    std::string out;
    for (auto name : names) {
        if (!out.empty()) out.push_back(',');
        out.append(name);
    }
    return out;
}

RoleSet splitRoles(std::string_view joined) {
    RoleSet roles;
    while (!joined.empty()) {
        size_t comma = joined.find(',');
        roles.insert(parseRoleOrThrow(joined.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    return roles;
}

}  // namespace massho::records
