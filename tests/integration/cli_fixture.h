#pragma once

#include <gtest/gtest.h>

#include <QJsonObject>
#include <string>
#include <vector>

#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::testing {

// A data directory initialised with an administrator ("admin") and an operator ("sato").
class CliTest : public ::testing::Test {
  protected:
    static constexpr const char* kAdminPassword = "admin-passphrase-1";
    static constexpr const char* kOperatorPassword = "operator-passphrase-1";

    void SetUp() override;

    // massho --data-dir DIR ARGS…, stdin = input.
    testsupport::CommandResult massho(std::vector<std::string> args, const std::string& input = {});
    // The same under timeout(1): a command that blocks (on a FIFO, say) is killed after
    // `seconds` and the test sees exit 124 instead of hanging.
    testsupport::CommandResult masshoWithin(int seconds, std::vector<std::string> args,
                                            const std::string& input = {});
    // All register entries (massho register show --json), parsed.
    std::vector<QJsonObject> entries();
    QJsonObject entry(long index);

    std::string dataDir() const { return (tmp_ / "data").string(); }
    testsupport::TempDir tmp_;
};

}  // namespace massho::testing
