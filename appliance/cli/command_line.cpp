#include "command_line.h"

#include <cstdio>

#include "cli_error.h"
#include "option_text.h"

namespace massho::cli {
namespace {

// QCommandLineParser names the program after argv[0] of a QCoreApplication, or prints
// "<executable_name>" without one; either way not the command a person typed. The first line
// becomes "Usage: massho COMMAND [options] …" (the words massho(1) documents).
std::string helpWithCommandName(const std::string& help, const std::string& command) {
    const std::string prefix = "Usage: ";
    if (!help.starts_with(prefix)) return help;
    const size_t programEnd = help.find_first_of(" \n", prefix.size());
    if (programEnd == std::string::npos) return help;
    return prefix + command + help.substr(programEnd);
}

}  // namespace

CommandLine::CommandLine(std::string commandName, QStringList arguments)
    : name_(std::move(commandName)), arguments_(std::move(arguments)) {
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser_.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser_.addHelpOption();
    // Global options are accepted by every command (main() has already read them).
    parser_.addOption(
        {"data-dir", "Data directory (default $MASSHO_DATA_DIR or /var/lib/massho).", "DIR"});
}

void CommandLine::addFlag(const QString& name, const QString& help) {
    parser_.addOption({name, help});
}

void CommandLine::addOption(const QString& name, const QString& valueName, const QString& help) {
    parser_.addOption({name, help, valueName});
}

void CommandLine::addPositional(const QString& name, const QString& help) {
    parser_.addPositionalArgument(name, help);
    positionalNames_.push_back(name.toStdString());
}

void CommandLine::parse(int minPositional, int maxPositional) {
    QStringList withProgram = arguments_;
    withProgram.prepend(QString::fromStdString("massho " + name_));
    if (!parser_.parse(withProgram))
        throw badInput("massho " + name_ + ": " + parser_.errorText().toStdString() +
                       " (see 'massho " + name_ + " --help')");
    if (parser_.isSet("help")) {
        const std::string help = parser_.helpText().toStdString();
        std::fputs(helpWithCommandName(help, "massho " + name_).c_str(), stdout);
        throw HelpShown{};
    }
    checkText();
    const auto count = parser_.positionalArguments().size();
    if (count < minPositional || count > maxPositional)
        throw badInput(
            "massho " + name_ + ": expected " +
            (minPositional == maxPositional
                 ? std::to_string(minPositional)
                 : std::to_string(minPositional) + " to " + std::to_string(maxPositional)) +
            " argument(s), got " + std::to_string(count) + " (see 'massho " + name_ + " --help')");
}

void CommandLine::checkText() const {
    // Every value is checked before the command runs, so nothing a person
    // typed reaches an entry (not even a refusal entry) unless it follows its kind's rules.
    // An empty value passes here: whether it may be left empty is the command's decision.
    for (const QString& name : parser_.optionNames()) {
        const records::TextKind kind = optionTextKind(name);
        for (const QString& v : parser_.values(name)) {
            try {
                records::requireOptionalText("--" + name.toStdString(), v.toStdString(), kind);
            } catch (const records::TextFieldError& e) {
                throw badInput(std::string("massho ") + name_ + ": " + e.what());
            }
        }
    }
    const QStringList positional = parser_.positionalArguments();
    for (qsizetype i = 0; i < positional.size(); ++i) {
        const auto k = static_cast<size_t>(i);
        try {
            records::requireText(k < positionalNames_.size() ? positionalNames_[k] : "an argument",
                                 positional[i].toStdString(), records::TextKind::Path);
        } catch (const records::TextFieldError& e) {
            throw badInput(std::string("massho ") + name_ + ": " + e.what());
        }
    }
}

std::optional<std::string> CommandLine::value(const QString& name) const {
    if (!parser_.isSet(name)) return std::nullopt;
    return parser_.value(name).toStdString();
}

std::string CommandLine::required(const QString& name) const {
    auto v = value(name);
    if (!v || v->empty())
        throw badInput("massho " + name_ + ": --" + name.toStdString() +
                       " is required (see 'massho " + name_ + " --help')");
    return *v;
}

std::vector<std::string> CommandLine::values(const QString& name) const {
    std::vector<std::string> out;
    for (const QString& v : parser_.values(name)) out.push_back(v.toStdString());
    return out;
}

std::vector<std::string> CommandLine::positional() const {
    std::vector<std::string> out;
    for (const QString& v : parser_.positionalArguments()) out.push_back(v.toStdString());
    return out;
}

}  // namespace massho::cli
