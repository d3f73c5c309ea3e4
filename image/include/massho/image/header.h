#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "massho/image/byte_source.h"

namespace massho::image {

// One recipient stanza (c2sp.org/age "Header"): `-> TYPE ARG…` then a wrapped base64 body.
struct Stanza {
    std::string type;
    std::vector<std::string> args;
    std::vector<uint8_t> body;
};

// Bounds on what readHeader accepts: a header is a few hundred bytes in practice.
struct HeaderLimits {
    size_t maxBytes = 1 << 20;  // whole header, version line to MAC line
    size_t maxStanzas = 1024;
    size_t maxLineBytes = 16 * 1024;
};

struct Header {
    std::vector<Stanza> stanzas;
    std::string macInput;  // the header bytes the MAC covers: up to and including "---"
    std::array<uint8_t, 32> mac{};
};

// Reads and strictly parses a binary header, consuming the input exactly through the '\n' that
// ends the MAC line (the payload follows). Throws HeaderError.
Header readHeader(ByteSource& in, const HeaderLimits& limits = {});
Header readHeader(std::istream& in, const HeaderLimits& limits = {});

// The canonical encoding of a stanza, ending with its (possibly empty) short final body line.
std::string encodeStanza(const Stanza& stanza);

// The version line and stanzas followed by "---": exactly what the header MAC covers.
std::string encodeHeaderForMac(const std::vector<Stanza>& stanzas);

// Checks one stanza argument or type: non-empty, printable ASCII without space (33–126).
bool isValidStanzaArgument(const std::string& arg);

}  // namespace massho::image
