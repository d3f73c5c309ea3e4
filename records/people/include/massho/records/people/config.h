#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "massho/records/people/approval_policy.h"
#include "massho/records/people/password_rules.h"

namespace massho::records {

// The people-and-approval settings of a data directory, from DIR/massho.conf (INI). Missing file
// = all defaults. The parser is strict on purpose (our own ~80 lines rather than QSettings, which
// accepts anything and keeps records/ free of Qt Core): an unknown section or key, a duplicate, a
// value out of range or a policy the charter forbids is an error naming file and line, because a
// typo must never silently weaken a security rule.
//
//   [password]   min_length=12  min_classes=2  max_age_days=90 (0: no limit)
//   [lockout]    max_failures=5  minutes=15
//   [accounts]   dormant_days=90
//   [approval]   valid_days=7
//   [approval.required]  reuse=1,2  disposal=1,2,3,4  lease-return=1,2,3,4  carryout=1,2
//   [session]    idle_minutes=10  max_hours=12
//   [media]      unregistered=register (or refuse)
//   [devices]    probe=yes (or no)  stall_seconds=60
struct Config {
    static constexpr const char* kFileName = "massho.conf";

    PasswordRules password;
    int maxFailedLogins = 5;
    std::chrono::minutes lockout{15};
    std::chrono::days dormantAfter{90};
    std::chrono::days approvalValidity{7};
    ApprovalPolicy approvals;
    std::chrono::minutes sessionIdle{10};
    std::chrono::hours sessionMaxAge{12};
    // [media] unregistered: an erasure of a medium not in the ledger registers it first (true)
    // or is refused.
    bool registerUnknownMedia = true;
    // [devices] probe: device discovery asks each drive what it can do to erase itself (ATA
    // IDENTIFY, NVMe Identify, SCSI REPORT SUPPORTED OPERATION CODES through pass-through). No:
    // no such command is sent while listing or describing devices (some USB bridges hang or reset
    // on pass-through); a drive-command erasure method still asks the drive it is run on.
    bool probeDrives = true;
    // [devices] stall_seconds: a device that leaves one write or read (or a drive command, beyond
    // the time the command itself is allowed) unanswered this long has stopped responding, and
    // its job ends failed (erase::EraseOptions::stallTimeout; erase::kDefaultStallTimeout is the
    // same 60 s). At least 5 s: below that a slow but working drive would be given up on.
    std::chrono::seconds stallTimeout{60};

    // Throws ConfigError. `source` names the file in messages.
    static Config parse(std::string_view text, const std::string& source);
    // DIR/massho.conf, or defaults when the file does not exist.
    static Config loadFromDir(const std::filesystem::path& dir);
    // A commented file with every default, for `massho init` to write.
    static std::string defaultText();
};

}  // namespace massho::records
