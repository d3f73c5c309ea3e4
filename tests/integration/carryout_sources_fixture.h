// The fixture of the carry-out source tests: a data directory whose allowed carry-out folder is
// share/, an office age key made by the real age-keygen, and `massho carryout` of one source.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace fs = std::filesystem;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr int kFolders = 100;
constexpr int kFilesPerFolder = 1000;

inline std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// File n's content: its number and 0..299 more bytes, so sizes and contents all differ.
inline std::string smallFileContent(int n) {
    return "file " + std::to_string(n) + " " + std::string(static_cast<size_t>(n % 300), 'x') +
           "\n";
}

inline std::string smallFileName(int n) {
    char name[32];
    std::snprintf(name, sizeof name, "d%03d/f%06d.txt", n / kFilesPerFolder, n);
    return name;
}

class CarryOutSourcesCliTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        CliTest::SetUp();
        sources_ = tmp_ / "share";
        fs::create_directories(sources_);
        testsupport::writeFile(fs::path(dataDir()) / "carryout-sources",
                               "# allowed\n" + sources_.string() + "\n");
        auto keygen = testsupport::runCommand({"age-keygen", "-o", (tmp_ / "office.key").string()});
        ASSERT_EQ(keygen.exitCode, 0) << keygen.err;
        recipient_ =
            testsupport::runCommand({"age-keygen", "-y", (tmp_ / "office.key").string()}).out;
        recipient_.erase(recipient_.find_last_not_of('\n') + 1);
    }

    testsupport::CommandResult carryout(const std::string& device, const fs::path& source) {
        return massho({"carryout", device, "--file", source.string(), "--recipient", recipient_,
                       "--class", "3", "--destination", "north office", "--asset", "USB-0001",
                       "--as", "sato", "--password-stdin", "--json"},
                      std::string(kOperatorPassword) + "\n");
    }

    size_t countKind(const std::string& kind) {
        auto all = entries();
        return static_cast<size_t>(std::count_if(all.begin(), all.end(), [&](const QJsonObject& e) {
            return e["kind"] == kind.c_str();
        }));
    }

    fs::path sources_;
    std::string recipient_;
};

}  // namespace massho::testing
