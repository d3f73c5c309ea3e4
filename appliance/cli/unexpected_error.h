#pragma once

#include <exception>
#include <string>

namespace massho::cli {

// main()'s last resort: the one line printed for an exception no command turned into a message.
// Massho's own errors already are such a line; a standard library exception (std::bad_alloc,
// std::out_of_range from a stoull, a filesystem_error…) is a fault of ours or of the system and
// is said to be one, with its words kept in brackets for the report, never alone.
std::string unexpectedErrorLine(const std::exception& e);

}  // namespace massho::cli
