// DIR/massho.conf, the password rules and the approval policy table.
#include "massho/records/people/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/testsupport/temp_dir.h"

using namespace massho::records;

namespace {

std::string configError(const std::string& text) {
    try {
        Config::parse(text, "massho.conf");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "accepted: " << text;
    return "";
}

TEST(Config, DefaultsMatchThePolicy) {
    Config c;
    EXPECT_EQ(c.password.minLength, 12u);
    EXPECT_EQ(c.approvalValidity, std::chrono::days(7));
    EXPECT_TRUE(c.approvals.required("disposal", 4));
    EXPECT_TRUE(c.approvals.required("lease-return", 3));
    EXPECT_TRUE(c.approvals.required("reuse", 1));
    EXPECT_TRUE(c.approvals.required("reuse", 2));
    EXPECT_FALSE(c.approvals.required("reuse", 3));
    EXPECT_FALSE(c.approvals.required("reuse", 4));
    EXPECT_TRUE(c.approvals.required("carryout", 1));
    EXPECT_FALSE(c.approvals.required("carryout", 3));
}

TEST(Config, TheWrittenDefaultFileParsesToTheDefaults) {
    Config c = Config::parse(Config::defaultText(), "massho.conf");
    EXPECT_EQ(c.maxFailedLogins, 5);
    EXPECT_EQ(c.approvals.classes("disposal"), (std::set<int>{1, 2, 3, 4}));
}

TEST(Config, SettingsAreApplied) {
    Config c = Config::parse(
        "# comment\n[password]\nmin_length = 16\nmin_classes=3\nmax_age_days = 0\n"
        "[lockout]\nmax_failures = 3 # three strikes\nminutes = 60\n[approval]\nvalid_days = 2\n"
        "[approval.required]\nreuse = 1,2,3\ndisposal = 1, 2\n[session]\nidle_minutes = 5\n",
        "massho.conf");
    EXPECT_EQ(c.password.minLength, 16u);
    EXPECT_EQ(c.password.minCharacterClasses, 3);
    EXPECT_EQ(c.password.maxAge.count(), 0);
    EXPECT_EQ(c.maxFailedLogins, 3);
    EXPECT_EQ(c.lockout, std::chrono::minutes(60));
    EXPECT_EQ(c.approvalValidity, std::chrono::days(2));
    EXPECT_TRUE(c.approvals.required("reuse", 3));
    EXPECT_FALSE(c.approvals.required("disposal", 3));
    EXPECT_EQ(c.sessionIdle, std::chrono::minutes(5));
}

TEST(Config, MistakesAreErrorsNamingTheLine) {
    EXPECT_EQ(configError("[password]\nmin_lenght = 16\n"),
              "massho.conf:2: unknown setting \"min_lenght\" in [password]: see massho.conf's "
              "comments or the README for the valid ones");
    EXPECT_NE(configError("[pasword]\n").find("massho.conf:1: unknown section"), std::string::npos);
    EXPECT_NE(configError("[password]\nmin_length = 4\n").find("from 8 to 256"), std::string::npos);
    EXPECT_NE(configError("[password]\nmin_length = 12\nmin_length = 14\n").find("set twice"),
              std::string::npos);
    EXPECT_NE(configError("min_length = 12\n").find("before the first [section]"),
              std::string::npos);
    EXPECT_NE(configError("[lockout]\nminutes\n").find("key = value"), std::string::npos);
}

TEST(Config, DriveProbeIsOnUnlessTurnedOff) {
    EXPECT_TRUE(Config{}.probeDrives);
    EXPECT_TRUE(Config::parse(Config::defaultText(), "massho.conf").probeDrives);
    EXPECT_TRUE(Config::parse("[devices]\nprobe = yes\n", "massho.conf").probeDrives);
    EXPECT_FALSE(Config::parse("[devices]\nprobe = no\n", "massho.conf").probeDrives);
    EXPECT_EQ(configError("[media]\nunregistered = refuse\n\n[devices]\nprobe = off\n"),
              "massho.conf:5: probe must be yes or no");
    EXPECT_EQ(configError("[devices]\nprobe = No\n"), "massho.conf:2: probe must be yes or no");
    EXPECT_EQ(configError("[devices]\nprobe = no\nprobe = yes\n"),
              "massho.conf:3: \"probe\" is set twice in [devices]");
    EXPECT_EQ(configError("[devices]\nprobe_drives = no\n"),
              "massho.conf:2: unknown setting \"probe_drives\" in [devices]: see massho.conf's "
              "comments or the README for the valid ones");
}

// [devices] stall_seconds: how long a device may leave one call unanswered before its job is
// given up (erase::EraseOptions::stallTimeout). 0 would give up on every call, a huge number on
// none: only 5 to 3600 seconds, and anything else is refused naming the line and the range.
TEST(Config, StallTimeoutIsSecondsWithinItsBounds) {
    EXPECT_EQ(Config{}.stallTimeout, std::chrono::seconds(60));
    EXPECT_EQ(Config::parse(Config::defaultText(), "massho.conf").stallTimeout,
              std::chrono::seconds(60));
    EXPECT_EQ(Config::parse("[devices]\nstall_seconds = 5\n", "massho.conf").stallTimeout,
              std::chrono::seconds(5));
    EXPECT_EQ(Config::parse("[devices]\nstall_seconds = 3600\n", "massho.conf").stallTimeout,
              std::chrono::hours(1));
    const std::string range = " is not a whole number from 5 to 3600";
    EXPECT_EQ(configError("[devices]\nstall_seconds = 0\n"), "massho.conf:2: \"0\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = 4\n"), "massho.conf:2: \"4\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = -60\n"), "massho.conf:2: \"-60\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = 3601\n"),
              "massho.conf:2: \"3601\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = 99999999999999999999999\n"),
              "massho.conf:2: \"99999999999999999999999\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = one minute\n"),
              "massho.conf:2: \"one minute\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds = 60s\n"), "massho.conf:2: \"60s\"" + range);
    EXPECT_EQ(configError("[devices]\nstall_seconds =\n"), "massho.conf:2: \"\"" + range);
}

TEST(Config, ImportantMediaAlwaysNeedAnApproval) {
    EXPECT_NE(configError("[approval.required]\ncarryout = 2\n").find("class 1 and 2"),
              std::string::npos);
    EXPECT_NE(configError("[approval.required]\nreuse = 3,4\n").find("massho.conf:2:"),
              std::string::npos);
    EXPECT_NE(configError("[approval.required]\nresale = 1,2\n").find("unknown action"),
              std::string::npos);
    EXPECT_NE(configError("[approval.required]\nreuse = 1,2,5\n").find("1 to 4"),
              std::string::npos);
}

TEST(Config, LoadedFromTheDataDirectory) {
    massho::testsupport::TempDir dir;
    EXPECT_EQ(Config::loadFromDir(dir.path()).maxFailedLogins, 5) << "no file: defaults";
    std::ofstream(dir / "massho.conf") << "[lockout]\nmax_failures = 2\n";
    EXPECT_EQ(Config::loadFromDir(dir.path()).maxFailedLogins, 2);
}

TEST(PasswordRules, EachRuleRefusesWithoutEchoingThePassword) {
    PasswordRules rules;
    auto refusal = [&](const std::string& pw, const std::string& id = "sato") {
        try {
            checkPasswordStrength(pw, id, rules);
        } catch (const UserError& e) {
            EXPECT_EQ(std::string(e.what()).find(pw), std::string::npos);
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(refusal("Short-1").find("shorter than 12"), std::string::npos);
    EXPECT_NE(refusal("onlylowercaseletters").find("kinds of character"), std::string::npos);
    EXPECT_NE(refusal("abababababab-").find("5 different"), std::string::npos);
    EXPECT_NE(refusal("Password-2024!").find("well-known"), std::string::npos);
    EXPECT_NE(refusal("QWERTYUIOP-12").find("well-known"), std::string::npos);
    EXPECT_NE(refusal("sato.k.longid", "sato.k.longid").find("user ID"), std::string::npos);
    EXPECT_EQ(refusal("correct-horse-battery"), "accepted");
    EXPECT_EQ(refusal("admin-passphrase-1", "admin"), "accepted");
    rules.minCharacterClasses = 4;
    EXPECT_NE(refusal("correct-horse-battery").find("fewer than 4"), std::string::npos);
    EXPECT_EQ(refusal("Correct-Horse-Battery-9"), "accepted");
}

}  // namespace

namespace {

TEST(Config, UnregisteredMediaAreRegisteredUnlessRefused) {
    EXPECT_TRUE(Config{}.registerUnknownMedia);
    EXPECT_FALSE(
        Config::parse("[media]\nunregistered = refuse\n", "massho.conf").registerUnknownMedia);
    EXPECT_NE(configError("[media]\nunregistered = maybe\n").find("massho.conf:2"),
              std::string::npos);
}

}  // namespace
