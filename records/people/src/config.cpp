#include "massho/records/people/config.h"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <system_error>

#include "massho/records/people/config_settings.h"
#include "massho/records/register/policy_errors.h"

namespace massho::records {
namespace {

constexpr size_t kMaxConfigBytes = 64 * 1024;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// One `key = value` line being applied; errors name file and line.
struct Place {
    const std::string& source;
    int line;
    [[noreturn]] void fail(const std::string& what) const {
        throw ConfigError(source + ":" + std::to_string(line) + ": " + what);
    }
};

int64_t integerIn(std::string_view value, int64_t low, int64_t high, const Place& at) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || v < low || v > high)
        at.fail("\"" + std::string(value.substr(0, 40)) + "\" is not a whole number from " +
                std::to_string(low) + " to " + std::to_string(high));
    return v;
}

std::set<int> classList(std::string_view value, const Place& at) {
    std::set<int> classes;
    while (true) {
        size_t comma = value.find(',');
        classes.insert(static_cast<int>(integerIn(trim(value.substr(0, comma)), 1, 4, at)));
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
    return classes;
}

using Setter = std::function<void(Config&, std::string_view, const Place&)>;

// Every accepted "section.key" and how it is applied, with its bounds.
const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> table = {
        {"password.min_length",
         [](Config& c, std::string_view v, const Place& at) {
             c.password.minLength = static_cast<size_t>(integerIn(v, 8, 256, at));
         }},
        {"password.min_classes",
         [](Config& c, std::string_view v, const Place& at) {
             c.password.minCharacterClasses = static_cast<int>(integerIn(v, 1, 4, at));
         }},
        {"password.max_age_days",
         [](Config& c, std::string_view v, const Place& at) {
             c.password.maxAge = std::chrono::days(integerIn(v, 0, 3650, at));
         }},
        {"lockout.max_failures",
         [](Config& c, std::string_view v, const Place& at) {
             c.maxFailedLogins = static_cast<int>(integerIn(v, 1, 100, at));
         }},
        {"lockout.minutes",
         [](Config& c, std::string_view v, const Place& at) {
             c.lockout = std::chrono::minutes(integerIn(v, 1, 7 * 24 * 60, at));
         }},
        {"accounts.dormant_days",
         [](Config& c, std::string_view v, const Place& at) {
             c.dormantAfter = std::chrono::days(integerIn(v, 1, 3650, at));
         }},
        {"approval.valid_days",
         [](Config& c, std::string_view v, const Place& at) {
             c.approvalValidity = std::chrono::days(integerIn(v, 1, 365, at));
         }},
        {"session.idle_minutes",
         [](Config& c, std::string_view v, const Place& at) {
             c.sessionIdle = std::chrono::minutes(integerIn(v, 1, 24 * 60, at));
         }},
        {"media.unregistered",
         [](Config& c, std::string_view v, const Place& at) {
             if (v != "register" && v != "refuse")
                 at.fail("unregistered must be register or refuse");
             c.registerUnknownMedia = v == "register";
         }},
        {"devices.probe",
         [](Config& c, std::string_view v, const Place& at) {
             if (v != "yes" && v != "no") at.fail("probe must be yes or no");
             c.probeDrives = v == "yes";
         }},
        {"devices.stall_seconds",
         [](Config& c, std::string_view v, const Place& at) {
             c.stallTimeout = std::chrono::seconds(integerIn(v, 5, 3600, at));
         }},
        {"session.max_hours",
         [](Config& c, std::string_view v, const Place& at) {
             c.sessionMaxAge = std::chrono::hours(integerIn(v, 1, 24 * 7, at));
         }},
    };
    return table;
}

void apply(Config& config, const std::string& section, std::string_view key, std::string_view value,
           const Place& at) {
    if (section == "approval.required") {
        if (!ApprovalPolicy::isAction(key))
            at.fail("unknown action \"" + std::string(key.substr(0, 40)) +
                    "\": use reuse, disposal, lease-return or carryout");
        try {
            config.approvals.setRequired(key, classList(value, at));
        } catch (const ConfigError& e) {
            if (std::string_view(e.what()).starts_with(at.source)) throw;
            at.fail(e.what());
        }
        return;
    }
    auto it = setters().find(section + "." + std::string(key));
    if (it == setters().end())
        at.fail("unknown setting \"" + std::string(key.substr(0, 40)) + "\" in [" + section +
                "]: see massho.conf's comments or the README for the valid ones");
    it->second(config, value, at);
}

}  // namespace

Config Config::parse(std::string_view text, const std::string& source) {
    if (text.size() > kMaxConfigBytes)
        throw ConfigError(source + " is larger than 64 KiB: it is not a massho.conf");
    Config config;
    std::string section;
    std::set<std::string> seen;
    int lineNo = 0;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        // '#' starts a comment anywhere on a line (no setting takes a '#').
        line = trim(line.substr(0, line.find('#')));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        Place at{source, ++lineNo};
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[') {
            if (line.back() != ']') at.fail("a section header must end with ']'");
            section = std::string(trim(line.substr(1, line.size() - 2)));
            static const std::set<std::string> kSections{
                "password",          "lockout", "accounts", "approval",
                "approval.required", "session", "media",    "devices"};
            if (!kSections.contains(section))
                at.fail("unknown section [" + section.substr(0, 40) + "]");
            continue;
        }
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) at.fail("expected key = value");
        if (section.empty()) at.fail("a setting before the first [section]");
        std::string_view key = trim(line.substr(0, eq));
        std::string_view value = trim(line.substr(eq + 1));
        if (!seen.insert(section + "." + std::string(key)).second)
            at.fail("\"" + std::string(key.substr(0, 40)) + "\" is set twice in [" + section + "]");
        apply(config, section, key, value, at);
    }
    return config;
}

std::vector<std::string> configSettingNames() {
    std::vector<std::string> names;
    for (const auto& [name, setter] : setters()) names.push_back(name);
    for (auto action : approvalActions())
        names.push_back("approval.required." + std::string(action));
    return names;
}

Config Config::loadFromDir(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    const fs::path file = dir / kFileName;
    std::error_code ec;
    // Only a file that is not there at all means "the defaults": anything else there that cannot
    // be read (a folder, a dangling link, a device) would silently drop the office's rules.
    if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) return Config{};
    const fs::file_status status = fs::status(file, ec);
    if (status.type() == fs::file_type::directory)
        throw ConfigError(file.string() +
                          " is a folder, not a settings file: remove it (the "
                          "defaults apply) or put the settings file there");
    if (status.type() != fs::file_type::regular)
        throw ConfigError("cannot read " + file.string() +
                          ": it is not a regular file (a broken link?); fix or remove it");
    std::ifstream in(file, std::ios::binary);
    std::string text;
    char buf[4096];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<size_t>(in.gcount()));
        if (text.size() > kMaxConfigBytes) break;  // parse() names the file as too large
    }
    if (!in.is_open() || in.bad())
        throw ConfigError("cannot read " + file.string() + ": check its permissions");
    return parse(text, file.string());
}

std::string Config::defaultText() {
    return R"(# massho.conf: people, approval, media and device rules (the city standard, Art. 7-3, 8, 13, 17; massho.conf(5)).
# Every line below shows the default. Unknown keys are errors, so a typo cannot weaken a rule.

[password]
min_length = 12      # Art. 13(4): long and hard to guess
min_classes = 2      # of lower case, upper case, digits, symbols
max_age_days = 90    # a password older than this must be changed (0: no limit)

[lockout]
max_failures = 5     # consecutive wrong passwords before the account is locked
minutes = 15         # how long it stays locked

[accounts]
dormant_days = 90    # 'massho user list --dormant' lists IDs unused this long (Art. 17)

[approval]
valid_days = 7       # an approval not used within this many days expires

[approval.required]  # information classes whose erasure/carry-out needs a data manager's approval
reuse = 1,2          # classes 1 and 2 can never be left out (Art. 8)
disposal = 1,2,3,4   # Art. 8(4)
lease-return = 1,2,3,4   # Art. 20(11)
carryout = 1,2       # Art. 8(7)

[session]
idle_minutes = 10    # kiosk/daemon sessions end after this much inactivity
max_hours = 12       # and after this long in any case

[media]
unregistered = register   # an erasure of a medium not in the ledger registers it (or: refuse)

[devices]
probe = yes          # ask drives what they can do to erase themselves while listing them (or: no)
stall_seconds = 60   # a device that leaves a write or read unanswered this long (5 to 3600) has
                     # stopped responding: its erasure or carry-out ends failed
)";
}

}  // namespace massho::records
