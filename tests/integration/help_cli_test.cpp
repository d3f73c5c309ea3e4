// `massho COMMAND --help` names the command the way a person types it: its usage line is the
// first thing read, and Qt's default ("Usage: <executable_name> …") names no command at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "massho/testsupport/command.h"

namespace massho::testing {
namespace {

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

struct UsageCase {
    std::vector<std::string> words;  // the command words
    std::string usage;               // the expected first line of its --help
};

TEST(CommandHelp, FirstLineIsTheUsageOfTheCommandAsTyped) {
    const std::vector<UsageCase> cases = {
        {{"register", "verify"}, "Usage: massho register verify [options] PATH"},
        {{"erase"}, "Usage: massho erase [options] DEVICE"},
        {{"user", "add"}, "Usage: massho user add [options] ID"},
        {{"recipients", "add"}, "Usage: massho recipients add [options] NAME KEY"},
        {{"media", "report"}, "Usage: massho media report [options] KIND"},
        {{"certificate"}, "Usage: massho certificate [options] INDEX"},
        {{"init"}, "Usage: massho init [options]"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> argv = {MASSHO_CLI};
        argv.insert(argv.end(), c.words.begin(), c.words.end());
        argv.push_back("--help");
        auto r = testsupport::runCommand(argv);
        EXPECT_EQ(r.exitCode, 0) << c.usage << "\n" << r.err;
        EXPECT_EQ(firstLine(r.out), c.usage);
        EXPECT_EQ(r.out.find("<executable_name>"), std::string::npos) << r.out;
    }
}

// -h is the same option, and --help after other arguments still wins.
TEST(CommandHelp, ShortOptionAndLateHelpNameTheCommandToo) {
    auto shortForm = testsupport::runCommand({MASSHO_CLI, "witness", "cosign", "-h"});
    EXPECT_EQ(shortForm.exitCode, 0) << shortForm.err;
    EXPECT_EQ(firstLine(shortForm.out), "Usage: massho witness cosign [options] WDIR REQUEST");
    auto late = testsupport::runCommand({MASSHO_CLI, "approve", "REQ-000001", "--help"});
    EXPECT_EQ(late.exitCode, 0) << late.err;
    EXPECT_EQ(firstLine(late.out), "Usage: massho approve [options] REQ");
}

}  // namespace
}  // namespace massho::testing
