// The line main() prints for an exception no command caught: never a library's bare words.
#include "unexpected_error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>

namespace massho::cli {
namespace {

TEST(UnexpectedErrorLine, StandardLibraryExceptionsAreCalledInternalErrors) {
    EXPECT_EQ(unexpectedErrorLine(std::bad_alloc()),
              "internal error: out of memory (std::bad_alloc) [std::bad_alloc]; please report "
              "this line with the command that was run");
    try {
        (void)std::stoull("garbage");
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_EQ(unexpectedErrorLine(e),
                  "internal error: std::invalid_argument [stoull]; please report this line with "
                  "the command that was run");
    }
    try {
        (void)std::optional<int>().value();
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_EQ(unexpectedErrorLine(e).rfind("internal error: std::bad_optional_access", 0), 0u);
    }
}

TEST(UnexpectedErrorLine, FilesystemErrorsNameThePath) {
    try {
        (void)std::filesystem::file_size("/nonexistent/massho.db");
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_EQ(unexpectedErrorLine(e),
                  "cannot use '/nonexistent/massho.db': No such file or directory (check the "
                  "path, its permissions and free space)");
    }
}

TEST(UnexpectedErrorLine, MasshosOwnMessagesAreKept) {
    EXPECT_EQ(unexpectedErrorLine(std::runtime_error("entry 3 is damaged: restore it")),
              "entry 3 is damaged: restore it");
}

}  // namespace
}  // namespace massho::cli
