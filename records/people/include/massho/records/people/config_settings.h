#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

// What massho.conf accepts, listed, so that its documentation (massho.conf(5)) can be checked
// against the parser instead of against a copy of the list.

// Every "section.key" Config::parse accepts, e.g. "password.min_length",
// "approval.required.reuse".
std::vector<std::string> configSettingNames();

// The actions of [approval.required]: reuse, disposal, lease-return, carryout.
std::vector<std::string_view> approvalActions();

}  // namespace massho::records
