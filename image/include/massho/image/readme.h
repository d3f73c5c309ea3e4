#pragma once

#include <string>

namespace massho::image {

// What the plain README.txt on a carry-out medium says. Nothing here may reveal the content:
// no file names, no class, no requester — only what the file is, who may open it and how.
struct ReadmeInfo {
    std::string packageName;  // MASSHO-<id>.tar.age
    std::string destination;  // the receiving office, as approved
    std::string origin;       // the sending appliance (register origin)
    bool passphrase = false;  // scrypt (passphrase) instead of the office's age key
    std::string date;         // YYYY-MM-DD
};

// README.txt in Japanese, then English, UTF-8 with CRLF line ends (Windows Notepad reads it).
std::string carryOutReadme(const ReadmeInfo& info);

}  // namespace massho::image
