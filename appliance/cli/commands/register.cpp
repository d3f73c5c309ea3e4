// massho register show [INDEX] [--json] | proof INDEX | checkpoint | verify [PATH] | export OUTDIR
//                  | witness-request [--old SIZE] | add-cosignature --witness-vkey FILE LINE
#include <cstdio>
#include <string>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "../text_file.h"
#include "massho/operations/verify_register_operation.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/verify.h"

namespace massho::cli {
namespace {

uint64_t parseNumber(const std::string& text, const std::string& what) {
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw badInput("'" + text + "' is not " + what + " (a number from 0)");
    return std::stoull(text);
}

uint64_t parseIndex(const std::string& text, uint64_t size) {
    const uint64_t index = parseNumber(text, "an entry index");
    if (index >= size)
        throw badInput("there is no entry " + text + ": the register has " + std::to_string(size) +
                       " entries (0 to " + std::to_string(size ? size - 1 : 0) + ")");
    return index;
}

// An entry's exact bytes, or an error: a write that failed part-way must not end with status 0.
void writeBytes(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
        throw failed("cannot write to standard output");
}

}  // namespace

int runRegisterShow(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("INDEX", "One entry (0-based); without it, all entries.");
    cl.addFlag("json",
               "All entries as one JSON array (entries are JSON already: their bytes are kept).");
    cl.parse(0, 1);

    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    records::Register& log = store.signedRegister();
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

int runRegisterProof(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("INDEX", "The entry (0-based).");
    cl.addOption("size", "N", "Prove against the checkpoint of tree size N (default: the latest).");
    cl.parse(1, 1);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    const uint64_t index = parseIndex(cl.positional()[0], store.signedRegister().size());
    std::optional<uint64_t> size;
    if (auto s = cl.value("size")) {
        size = parseNumber(*s, "a tree size");
        if (*size <= index || *size > store.signedRegister().size())
            throw badInput("--size " + *s + " cannot prove entry " + std::to_string(index) +
                           ": give a tree size from " + std::to_string(index + 1) + " to " +
                           std::to_string(store.signedRegister().size()) +
                           " (the register's size)");
    }
    writeBytes(store.signedRegister().proof(index, size));  // c2sp.org/tlog-proof@v1
    return 0;
}

int runRegisterCheckpoint(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.parse(0, 0);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    writeBytes(store.signedRegister()
                   .checkpoint());  // keep it: a later verify --checkpoint catches rollback
    return 0;
}

// Not VerifyRegisterOperation, the auditor's act at the appliance: this is the offline check
// anyone with the public key may run, without logging in, on any copy or export, with the keys,
// checkpoints and witnesses they trust; and a register that cannot be read is bad input here
// (exit 2). Both call records::verifyRegister and say a failure in the same line.
int runRegisterVerify(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional(
        "PATH",
        "A data directory, a massho.db copy or an export folder (default: the data directory).");
    cl.addOption("vkey", "FILE", "Trusted verifier key file (the auditor's own copy); repeatable.");
    cl.addOption("checkpoint", "FILE", "A checkpoint kept outside the appliance; repeatable.");
    cl.addOption("witness-vkey", "FILE", "A witness's verifier key file; repeatable.");
    cl.addOption("require-witnesses", "K",
                 "Require cosignatures from at least K of the given witnesses.");
    cl.addFlag(
        "all-signatures",
        "Check every stored checkpoint's Ed25519 signature, not only the latest one's (and "
        "the last of each key's and the cosigned ones'). Every checkpoint is compared with "
        "the recomputed tree either way; on a million entries this takes minutes, not seconds.");
    cl.addFlag("latest-signature",
               "The default since every-signature checking became --all-signatures; accepted so "
               "that older scripts keep working, changes nothing.");
    cl.parse(0, 1);

    records::VerifyOptions options;
    options.allSignatures = cl.isSet("all-signatures");
    for (const auto& f : cl.values("vkey"))
        for (auto& line : readVkeyLines(f)) options.trustedVkeys.push_back(std::move(line));
    for (const auto& f : cl.values("checkpoint"))
        options.extraCheckpoints.push_back({f, readTextInput(f, "checkpoint")});
    for (const auto& f : cl.values("witness-vkey"))
        for (auto& line : readVkeyLines(f)) options.witnessVkeys.push_back(std::move(line));
    if (auto k = cl.value("require-witnesses")) {
        options.requiredWitnesses = parseNumber(*k, "a witness count");
        if (options.requiredWitnesses > options.witnessVkeys.size())
            throw badInput("--require-witnesses " + *k +
                           " needs at least that many --witness-vkey files");
    }
    const std::filesystem::path source =
        cl.positional().empty() ? inv.dataDir : std::filesystem::path(cl.positional()[0]);
    records::VerifyReport report;
    try {
        report = records::verifyRegister(source, options);
    } catch (const records::RecordsError& e) {
        throw badInput(e.what());
    }
    writeBytes(report.text());
    if (!report.ok) throw failed(operations::verifySummary(report));
    return 0;
}

int runRegisterExport(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("OUTDIR", "A new or empty folder.");
    cl.parse(1, 1);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    try {
        const auto result = store.exportTo(cl.positional()[0]);
        std::fprintf(stderr, "exported %llu entries (%llu files) to %s\n",
                     static_cast<unsigned long long>(result.size),
                     static_cast<unsigned long long>(result.files), cl.positional()[0].c_str());
    } catch (const records::RecordsError& e) {
        throw badInput(e.what());
    }
    return 0;
}

int runRegisterWitnessRequest(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("old", "SIZE",
                 "The tree size the witness last cosigned (default 0: a new witness).");
    cl.addOption("size", "SIZE",
                 "Ask for the checkpoint of this size instead of the latest (before a key "
                 "rotation: the old key's last checkpoint).");
    cl.parse(0, 0);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    const uint64_t size = store.signedRegister().size();
    const uint64_t old = cl.value("old") ? parseNumber(*cl.value("old"), "a tree size") : 0;
    const uint64_t target = cl.value("size") ? parseNumber(*cl.value("size"), "a tree size") : size;
    if (target == 0 || target > size || old > target)
        throw badInput("sizes must satisfy --old <= --size <= " + std::to_string(size) +
                       " (the register's size), and --size > 0");
    writeBytes(store.signedRegister().witnessRequest(old, target));
    return 0;
}

int runRegisterRotationEvidence(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("INDEX", "The key-rotated entry.");
    cl.parse(1, 1);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    const uint64_t index = parseIndex(cl.positional()[0], store.signedRegister().size());
    try {
        writeBytes(store.signedRegister().keyRotationEvidence(index));
    } catch (const records::RecordsError& e) {
        throw badInput(std::string(e.what()) + ": see massho register show " + cl.positional()[0]);
    }
    return 0;
}

int runRegisterAddCosignature(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("LINE", "File with the witness's cosignature line, or - for standard input.");
    cl.addOption("witness-vkey", "FILE", "The witness's verifier key file.");
    cl.addOption("size", "N", "The checkpoint size cosigned (default: the latest).");
    cl.parse(1, 1);
    const auto vkeys = readVkeyLines(cl.required("witness-vkey"));
    std::string line = readTextInput(cl.positional()[0], "cosignature");
    records::Store store = openStore(inv);
    const uint64_t size = cl.value("size") ? parseNumber(*cl.value("size"), "a tree size")
                                           : store.signedRegister().size();
    if (size == 0 || size > store.signedRegister().size())
        throw badInput("--size " + std::to_string(size) + " is not a checkpoint here: give 1 to " +
                       std::to_string(store.signedRegister().size()) + " (the register's size)");
    try {
        store.recordCosignature(size, vkeys.front(), line);
    } catch (const records::NoteFormatError& e) {
        throw badInput("cosignature not stored: '" + cl.positional()[0] +
                       "' does not hold a witness's cosignature line (\"— NAME BASE64\" as "
                       "printed by massho witness cosign): " +
                       e.what());
    } catch (const records::KeyError& e) {
        throw badInput("cosignature not stored: the --witness-vkey file '" +
                       *cl.value("witness-vkey") + "' does not hold a witness key: " + e.what());
    } catch (const records::RecordsError& e) {
        throw refused(std::string("cosignature not stored: ") + e.what());
    }
    std::fprintf(stderr, "stored the cosignature for checkpoint %llu\n",
                 static_cast<unsigned long long>(size));
    return 0;
}

}  // namespace massho::cli
