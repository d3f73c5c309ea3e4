#include "massho/records/people/approval_policy.h"

#include <array>

#include "massho/base/information_class.h"
#include "massho/records/people/config_settings.h"
#include "massho/records/register/policy_errors.h"

namespace massho::records {
namespace {

constexpr std::array<std::string_view, 4> kActions{"reuse", "disposal", "lease-return", "carryout"};

}  // namespace

ApprovalPolicy::ApprovalPolicy() {
    // Art. 8(4) disposal, Art. 20(11) lease return, Art. 8(7) carry-out of important media.
    required_.emplace("reuse", std::set<int>{1, 2});
    required_.emplace("disposal", std::set<int>{1, 2, 3, 4});
    required_.emplace("lease-return", std::set<int>{1, 2, 3, 4});
    required_.emplace("carryout", std::set<int>{1, 2});
}

bool ApprovalPolicy::isAction(std::string_view action) {
    for (auto a : kActions)
        if (a == action) return true;
    return false;
}

std::vector<std::string_view> approvalActions() {
    return {kActions.begin(), kActions.end()};
}

const std::set<int>& ApprovalPolicy::classes(std::string_view action) const {
    auto it = required_.find(action);
    if (it == required_.end())
        throw ConfigError("unknown action \"" + std::string(action.substr(0, 40)) +
                          "\": use reuse, disposal, lease-return or carryout");
    return it->second;
}

bool ApprovalPolicy::required(std::string_view action, int infoClass) const {
    // Unknown class: the safe answer is that an approval is needed.
    if (!base::isInformationClass(infoClass)) return true;
    return classes(action).contains(infoClass);
}

void ApprovalPolicy::setRequired(std::string_view action, const std::set<int>& classes) {
    if (!isAction(action))
        throw ConfigError("unknown action \"" + std::string(action.substr(0, 40)) +
                          "\": use reuse, disposal, lease-return or carryout");
    for (int c : classes)
        if (!base::isInformationClass(c))
            throw ConfigError("information classes are 1 to 4 (Art. 7)");
    if (!classes.contains(1) || !classes.contains(2))
        throw ConfigError(std::string(action) +
                          " of class 1 and 2 media always needs a data manager's approval "
                          "(Art. 8): keep 1,2 in the list");
    required_.insert_or_assign(std::string(action), classes);
}

}  // namespace massho::records
