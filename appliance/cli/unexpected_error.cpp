#include "unexpected_error.h"

#include <filesystem>
#include <functional>
#include <new>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <typeinfo>
#include <variant>

namespace massho::cli {
namespace {

template <class T>
bool is(const std::exception& e) {
    return dynamic_cast<const T*>(&e) != nullptr;
}

// The standard exception's name, or nullptr for one of Massho's own (they all derive directly
// from std::runtime_error and carry a complete message).
const char* standardName(const std::exception& e) {
    if (is<std::bad_alloc>(e)) return "out of memory (std::bad_alloc)";
    if (is<std::out_of_range>(e)) return "std::out_of_range";
    if (is<std::invalid_argument>(e)) return "std::invalid_argument";
    if (is<std::length_error>(e)) return "std::length_error";
    if (is<std::logic_error>(e)) return "std::logic_error";
    if (is<std::overflow_error>(e)) return "std::overflow_error";
    if (is<std::underflow_error>(e)) return "std::underflow_error";
    if (is<std::range_error>(e)) return "std::range_error";
    if (is<std::bad_optional_access>(e)) return "std::bad_optional_access";
    if (is<std::bad_variant_access>(e)) return "std::bad_variant_access";
    if (is<std::bad_function_call>(e)) return "std::bad_function_call";
    if (is<std::bad_cast>(e)) return "std::bad_cast";
    if (is<std::runtime_error>(e)) return nullptr;
    return "an unexpected exception";
}

}  // namespace

std::string unexpectedErrorLine(const std::exception& e) {
    if (const auto* fs = dynamic_cast<const std::filesystem::filesystem_error*>(&e)) {
        const std::string path = fs->path1().empty() ? "a file" : "'" + fs->path1().string() + "'";
        return "cannot use " + path + ": " + fs->code().message() +
               " (check the path, its permissions and free space)";
    }
    if (const auto* sys = dynamic_cast<const std::system_error*>(&e))
        return "the system refused an operation: " + sys->code().message() + " (" + e.what() + ")";
    if (const char* name = standardName(e))
        return std::string("internal error: ") + name + " [" + e.what() +
               "]; please report this line with the command that was run";
    return e.what();
}

}  // namespace massho::cli
