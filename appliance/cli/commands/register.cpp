// massho register show [INDEX] [--json]
#include <cstdio>
#include <string>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"

namespace massho::cli {
namespace {

uint64_t parseIndex(const std::string& text, uint64_t size) {
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw badInput("'" + text + "' is not an entry index (a number from 0)");
    const uint64_t index = std::stoull(text);
    if (index >= size)
        throw badInput("there is no entry " + text + ": the register has " + std::to_string(size) +
                       " entries (0 to " + std::to_string(size ? size - 1 : 0) + ")");
    return index;
}

void writeBytes(const std::string& bytes) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

}  // namespace

int runRegisterShow(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("INDEX", "One entry (0-based); without it, all entries.");
    cl.addFlag("json",
               "All entries as one JSON array (entries are JSON already: their bytes are kept).");
    cl.parse(0, 1);

    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    records::Register& log = store.log();
    if (!cl.positional().empty()) {
        // Exactly the stored bytes, nothing added: what the leaf hash covers.
        writeBytes(log.entry(parseIndex(cl.positional()[0], log.size())));
        return 0;
    }
    const bool json = cl.isSet("json");
    if (json) writeBytes("[");
    log.forEach([&](uint64_t index, const std::string& bytes) {
        if (json && index > 0) writeBytes(",\n");
        writeBytes(bytes);
        if (!json) writeBytes("\n");
    });
    if (json) writeBytes("]\n");
    return 0;
}

}  // namespace massho::cli
