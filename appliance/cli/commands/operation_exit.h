#pragma once

#include "../cli_error.h"
#include "massho/operations/erase_operation.h"

namespace massho::cli {

// OperationError kinds → CLI.md exit codes (2 bad input, 3 refused, 1 failed).
inline CliError toCliError(const operations::OperationError& e) {
    switch (e.kind()) {
        case operations::OperationError::Kind::BadInput:
            return badInput(e.what());
        case operations::OperationError::Kind::Refused:
            return refused(e.what());
        case operations::OperationError::Kind::Failed:
            break;
    }
    return failed(e.what());
}

// A JSON string literal (the CLI's small --json outputs).
inline std::string jsonQuote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace massho::cli
