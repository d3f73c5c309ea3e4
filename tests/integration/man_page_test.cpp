// The man pages say what the program does: every command `massho --help` lists has its own
// section in massho(1) naming each option its `--help` lists, and massho.conf(5) documents
// exactly the keys massho.conf accepts. The pages are the ones the build generates with scdoc.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "massho/records/people/config_settings.h"
#include "massho/testsupport/command.h"

namespace massho::testing {
namespace {

std::string readPage(const std::string& name) {
    const std::string path = std::string(MASSHO_MAN_DIR) + "/" + name;
    std::ifstream in(path);
    if (!in) ADD_FAILURE() << "cannot read the generated man page " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string trim(const std::string& s) {
    const size_t begin = s.find_first_not_of(' ');
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

// The roff sections of one level (".SH" or ".SS"): title -> text up to the next heading.
std::map<std::string, std::string> sections(const std::string& roff, const std::string& macro) {
    std::map<std::string, std::string> out;
    std::string* body = nullptr;
    for (const auto& line : lines(roff)) {
        if (line.starts_with(macro + " ")) {
            std::string title = trim(line.substr(macro.size() + 1));
            if (title.size() >= 2 && title.front() == '"' && title.back() == '"')
                title = title.substr(1, title.size() - 2);
            body = &out[title];
        } else if (line.starts_with(".SH ") || line.starts_with(".SS ")) {
            body = nullptr;
        } else if (body) {
            *body += line + "\n";
        }
    }
    return out;
}

// `massho --help`: "  NAME<padding>SUMMARY" rows after "commands:". A name of two words may
// fill its column with one space before the summary, so the column is taken from the first row.
std::vector<std::string> helpCommands() {
    auto r = testsupport::runCommand({MASSHO_CLI, "--help"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::vector<std::string> names;
    bool inList = false;
    size_t column = 0;
    for (const auto& line : lines(r.out)) {
        if (line == "commands:") {
            inList = true;
            continue;
        }
        if (!inList || !line.starts_with("  ")) continue;
        if (column == 0) column = line.find_first_not_of(' ', line.find("  ", 2));
        names.push_back(trim(line.substr(2, column - 2)));
    }
    return names;
}

// The long options of `massho COMMAND --help` ("  -h, --help   Displays …").
std::vector<std::string> helpOptions(const std::string& command) {
    std::vector<std::string> argv = {MASSHO_CLI};
    std::istringstream words(command);
    for (std::string w; words >> w;) argv.push_back(w);
    argv.push_back("--help");
    auto r = testsupport::runCommand(argv);
    EXPECT_EQ(r.exitCode, 0) << command << ": " << r.err;
    std::vector<std::string> options;
    static const std::regex kLongOption("--[a-z][a-z0-9-]*");
    for (const auto& line : lines(r.out)) {
        if (!line.starts_with("  -")) continue;
        const std::string names = line.substr(0, line.find("  ", 2));
        for (std::sregex_iterator it(names.begin(), names.end(), kLongOption), end; it != end; ++it)
            options.push_back(it->str());
    }
    return options;
}

// "--as" must not be found inside "--asset".
bool mentionsOption(const std::string& text, const std::string& option) {
    for (size_t at = text.find(option); at != std::string::npos; at = text.find(option, at + 1)) {
        const size_t after = at + option.size();
        if (after == text.size() || !(std::isalnum(static_cast<unsigned char>(text[after])) ||
                                      text[after] == '-' || text[after] == '_'))
            return true;
    }
    return false;
}

// Options every command takes, documented once under GLOBAL OPTIONS.
const std::set<std::string> kGlobalOptions = {"--help", "--help-all", "--data-dir", "--as",
                                              "--password-stdin"};

TEST(ManPage, EveryCommandOfTheHelpHasItsOwnSection) {
    const auto commands = helpCommands();
    ASSERT_GE(commands.size(), 40u) << "could not read the command list of massho --help";
    const auto page = sections(readPage("massho.1"), ".SS");
    for (const auto& command : commands)
        EXPECT_TRUE(page.contains(command)) << "massho(1) has no section for '" << command << "'";
}

TEST(ManPage, EachSectionNamesEveryOptionOfItsCommand) {
    const auto page = sections(readPage("massho.1"), ".SS");
    for (const auto& command : helpCommands()) {
        auto section = page.find(command);
        if (section == page.end()) continue;  // reported by the test above
        for (const auto& option : helpOptions(command)) {
            if (kGlobalOptions.contains(option)) continue;
            EXPECT_TRUE(mentionsOption(section->second, option))
                << "massho(1), section '" << command << "', does not mention " << option;
        }
    }
}

TEST(ManPage, GlobalOptionsAreDocumentedOnce) {
    const auto page = sections(readPage("massho.1"), ".SH");
    ASSERT_TRUE(page.contains("GLOBAL OPTIONS"));
    for (const auto& option : kGlobalOptions) {
        if (option == "--help-all") continue;  // Qt's, shown only when Qt adds it
        EXPECT_TRUE(mentionsOption(page.at("GLOBAL OPTIONS"), option)) << option;
    }
    for (const char* heading : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS"})
        EXPECT_TRUE(page.contains(heading)) << heading;
}

// Keys are documented as "\fBkey\fR = …" lines in a "[section]" subsection.
std::set<std::string> documentedSettings() {
    std::set<std::string> keys;
    static const std::regex kKeyLine(R"(^\\fB([a-z_-]+)\\fR = )");
    for (const auto& [title, body] : sections(readPage("massho.conf.5"), ".SS")) {
        if (title.size() < 3 || title.front() != '[' || title.back() != ']') continue;
        const std::string section = title.substr(1, title.size() - 2);
        for (const auto& line : lines(body)) {
            std::smatch m;
            if (std::regex_search(line, m, kKeyLine)) keys.insert(section + "." + m[1].str());
        }
    }
    return keys;
}

TEST(ConfPage, DocumentsExactlyTheKeysTheParserAccepts) {
    const auto accepted = records::configSettingNames();
    ASSERT_GE(accepted.size(), 10u);
    const auto documented = documentedSettings();
    for (const auto& key : accepted)
        EXPECT_TRUE(documented.contains(key)) << "massho.conf(5) does not document " << key;
    const std::set<std::string> acceptedSet(accepted.begin(), accepted.end());
    for (const auto& key : documented)
        EXPECT_TRUE(acceptedSet.contains(key))
            << "massho.conf(5) documents " << key << ", which massho.conf does not accept";
}

}  // namespace
}  // namespace massho::testing
