// massho witness init WDIR --name NAME
// massho witness cosign WDIR --log-vkey FILE [REQUEST|-]
// massho witness follow-rotation WDIR [EVIDENCE|-]
// A witness is another party (another office, the auditors) holding its own key: it cosigns a
// checkpoint only when it is consistent with the last one it saw (C2SP tlog-witness).
#include "massho/records/register/witness.h"

#include <cstdio>
#include <ctime>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../text_file.h"
#include "massho/records/register/errors.h"

namespace massho::cli {

int runWitnessInit(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("WDIR", "The witness's own folder (created).");
    cl.addOption("name", "NAME", "The witness's key name, e.g. audit.city.example/witness.");
    cl.parse(1, 1);
    try {
        auto witness = records::Witness::create(cl.positional()[0], cl.required("name"));
        std::printf("%s\n", witness.vkey().c_str());
    } catch (const records::RecordsError& e) {
        throw refused(e.what());
    }
    return 0;
}

int runWitnessCosign(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("WDIR", "The witness's folder.");
    cl.addPositional(
        "REQUEST", "The add-checkpoint request (massho register witness-request), or - for stdin.");
    cl.addOption("log-vkey", "FILE",
                 "The log's verifier key file (the witness's own trusted copy).");
    cl.parse(1, 2);
    const auto logVkeys = readVkeyLines(cl.required("log-vkey"));
    const std::string request =
        readTextInput(cl.positional().size() > 1 ? cl.positional()[1] : "-", "request");
    auto witness = [&] {
        try {
            return records::Witness::open(cl.positional()[0]);
        } catch (const records::RecordsError& e) {
            throw badInput(e.what());
        }
    }();
    try {
        std::fputs(
            witness
                .addCheckpoint(request, logVkeys.back(), static_cast<uint64_t>(std::time(nullptr)))
                .c_str(),
            stdout);
    } catch (const records::WitnessRefusal& e) {
        throw refused(std::string("witness refuses to cosign: ") + e.what());
    } catch (const records::RecordsError& e) {
        throw badInput(e.what());
    }
    return 0;
}

int runWitnessFollowRotation(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("WDIR", "The witness's folder.");
    cl.addPositional("EVIDENCE", "massho register rotation-evidence output, or - for stdin.");
    cl.parse(1, 2);
    const std::string evidence =
        readTextInput(cl.positional().size() > 1 ? cl.positional()[1] : "-", "rotation evidence");
    auto witness = [&] {
        try {
            return records::Witness::open(cl.positional()[0]);
        } catch (const records::RecordsError& e) {
            throw badInput(e.what());
        }
    }();
    try {
        std::printf("%s\n", witness.followKeyRotation(evidence).c_str());
    } catch (const records::WitnessRefusal& e) {
        throw refused(std::string("witness refuses the key rotation: ") + e.what());
    } catch (const records::RecordsError& e) {
        throw badInput(e.what());
    }
    return 0;
}

}  // namespace massho::cli
