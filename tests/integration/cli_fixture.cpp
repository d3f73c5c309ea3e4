#include "cli_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace massho::testing {

void CliTest::SetUp() {
    auto init = massho({"init", "--origin", "test.massho.example/register", "--admin", "admin",
                        "--name", "Test Admin", "--password-stdin"},
                       std::string(kAdminPassword) + "\n");
    ASSERT_EQ(init.exitCode, 0) << init.err;
    auto add = massho({"user", "add", "sato", "--role", "operator", "--name", "Sato Hanako", "--as",
                       "admin", "--password-stdin"},
                      std::string(kAdminPassword) + "\n" + kOperatorPassword + "\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
}

testsupport::CommandResult CliTest::massho(std::vector<std::string> args,
                                           const std::string& input) {
    args.insert(args.begin(), {MASSHO_CLI, "--data-dir", dataDir()});
    return testsupport::runCommand(args, input);
}

testsupport::CommandResult CliTest::masshoWithin(int seconds, std::vector<std::string> args,
                                                 const std::string& input) {
    args.insert(args.begin(), {"timeout", "--kill-after=5", std::to_string(seconds), MASSHO_CLI,
                               "--data-dir", dataDir()});
    return testsupport::runCommand(args, input);
}

std::vector<QJsonObject> CliTest::entries() {
    auto r = massho({"register", "show", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    QJsonParseError error{};
    auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out;
    std::vector<QJsonObject> out;
    for (const auto& v : doc.array()) out.push_back(v.toObject());
    return out;
}

QJsonObject CliTest::entry(long index) {
    auto all = entries();
    if (index < 0 || static_cast<size_t>(index) >= all.size()) {
        ADD_FAILURE() << "no register entry " << index;
        return {};
    }
    return all[static_cast<size_t>(index)];
}

}  // namespace massho::testing
