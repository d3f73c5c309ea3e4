#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace massho::records {

// Which actions on which information classes (Art. 7) need a data manager's approval
// (Art. 8(4) disposal, 8(7) carry-out). Actions: the erasure purposes "reuse", "disposal",
// "lease-return", and "carryout". Configured in [approval.required] of DIR/massho.conf.
class ApprovalPolicy {
  public:
    // Disposal and lease-return of any class, anything of class 1-2; reuse of class 3-4 not.
    ApprovalPolicy();

    static bool isAction(std::string_view action);

    bool required(std::string_view action, int infoClass) const;
    const std::set<int>& classes(std::string_view action) const;

    // Replaces the classes of one action. Classes 1 and 2 ("important information", Art. 8)
    // always need an approval: throws ConfigError when `classes` leaves either out, or for an
    // unknown action or a class outside 1-4.
    void setRequired(std::string_view action, const std::set<int>& classes);

  private:
    std::map<std::string, std::set<int>, std::less<>> required_;
};

}  // namespace massho::records
