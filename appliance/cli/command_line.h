#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

namespace massho::cli {

// One subcommand's arguments, parsed with Qt's QCommandLineParser (a maintained parser instead of
// our own). Options are declared by the command before parse(); errors become exit code 2.
class CommandLine {
  public:
    CommandLine(std::string commandName, QStringList arguments);

    void addFlag(const QString& name, const QString& help);
    void addOption(const QString& name, const QString& valueName, const QString& help);
    void addPositional(const QString& name, const QString& help);
    // Parses; throws CliError(BadInput) naming the bad argument or the option whose text breaks
    // the rules of text_field.h (records/register/). `minPositional..maxPositional` positional
    // arguments are accepted.
    void parse(int minPositional, int maxPositional);

    bool isSet(const QString& name) const { return parser_.isSet(name); }
    std::optional<std::string> value(const QString& name) const;
    std::string required(const QString& name) const;  // throws BadInput when missing
    std::vector<std::string> values(const QString& name) const;
    std::vector<std::string> positional() const;
    const std::string& commandName() const { return name_; }

  private:
    // Every option value and argument against its kind's text rules (option_text.h).
    void checkText() const;

    std::string name_;
    QStringList arguments_;
    QCommandLineParser parser_;
    std::vector<std::string> positionalNames_;
};

}  // namespace massho::cli
