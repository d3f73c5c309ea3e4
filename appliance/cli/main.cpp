// massho: the command line (massho(1), built from appliance/man, is the contract). Dispatches to
// one function per command.
#include <QStringList>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "cli_error.h"
#include "commands.h"
#include "exit_code.h"
#include "massho/base/error.h"
#include "unexpected_error.h"

namespace {

using massho::cli::Invocation;

struct Command {
    const char* name;  // one or two words
    int (*run)(const Invocation&);
    const char* summary;
};

constexpr std::array kCommands{
    Command{"init", massho::cli::runInit,
            "create the register, signing key and first administrator"},
    Command{"user add", massho::cli::runUserAdd, "add a person with roles"},
    Command{"user list", massho::cli::runUserList, "list accounts (--dormant: unused IDs)"},
    Command{"user disable", massho::cli::runUserDisable, "disable an account"},
    Command{"user enable", massho::cli::runUserEnable, "enable an account again"},
    Command{"user passwd", massho::cli::runUserPasswd, "change a password"},
    Command{"request erase", massho::cli::runRequestErase,
            "ask a data manager to approve an erasure"},
    Command{"request carryout", massho::cli::runRequestCarryout,
            "ask a data manager to approve a carry-out"},
    Command{"request list", massho::cli::runRequestList, "list requests and their state"},
    Command{"approve", massho::cli::runApprove, "approve a request (data manager)"},
    Command{"reject", massho::cli::runReject, "reject a request with a reason (data manager)"},
    Command{"devices", massho::cli::runDevices,
            "list block devices and whether each may be erased"},
    Command{"methods", massho::cli::runMethods,
            "list erasure methods and their NIST SP 800-88 level"},
    Command{"erase", massho::cli::runErase, "erase a device, verify it and record the result"},
    Command{"jobs", massho::cli::runJobs, "the service's (masshod) erasure and carry-out jobs"},
    Command{"register show", massho::cli::runRegisterShow, "print register entries (exact bytes)"},
    Command{"register proof", massho::cli::runRegisterProof,
            "an entry's inclusion proof (c2sp.org/tlog-proof@v1)"},
    Command{"register checkpoint", massho::cli::runRegisterCheckpoint,
            "the latest signed checkpoint (keep it for audits)"},
    Command{"register verify", massho::cli::runRegisterVerify,
            "verify a register offline (database or export)"},
    Command{"register export", massho::cli::runRegisterExport,
            "export entries, checkpoints and keys as plain files"},
    Command{"register witness-request", massho::cli::runRegisterWitnessRequest,
            "a checkpoint + consistency proof for a witness"},
    Command{"register add-cosignature", massho::cli::runRegisterAddCosignature,
            "store a witness's cosignature"},
    Command{"witness init", massho::cli::runWitnessInit,
            "create a witness (its own key and state)"},
    Command{"witness cosign", massho::cli::runWitnessCosign,
            "cosign a checkpoint consistent with what the witness saw"},
    Command{"witness follow-rotation", massho::cli::runWitnessFollowRotation,
            "follow a log's key rotation (its own entry, signed by the old key)"},
    Command{"register rotation-evidence", massho::cli::runRegisterRotationEvidence,
            "a key-rotated entry with its inclusion proof, for witnesses"},
    Command{"key rotate", massho::cli::runKeyRotate,
            "replace the signing key (recorded, signed by the old key)"},
    Command{"carryout", massho::cli::runCarryOut,
            "erase a medium and write files to it encrypted (age), recorded"},
    Command{"carryin", massho::cli::runCarryIn,
            "record a carry-out medium coming back; optionally crypto-erase it"},
    Command{"recipients add", massho::cli::runRecipientsAdd,
            "add a receiving office's age public key to the key book"},
    Command{"recipients list", massho::cli::runRecipientsList, "list the key book"},
    Command{"recipients remove", massho::cli::runRecipientsRemove,
            "remove a key from the key book"},
    Command{"media add", massho::cli::runMediaAdd, "register a medium in the media ledger"},
    Command{"media show", massho::cli::runMediaShow, "one medium, its state and history"},
    Command{"media list", massho::cli::runMediaList, "the media ledger"},
    Command{"media move", massho::cli::runMediaMove, "put a medium in use or in storage"},
    Command{"media update", massho::cli::runMediaUpdate,
            "change a medium's particulars (class only upwards)"},
    Command{"media destroy", massho::cli::runMediaDestroy,
            "record a witnessed physical destruction"},
    Command{"media dispose", massho::cli::runMediaDispose, "close an erased medium as disposed"},
    Command{"media return-to-lessor", massho::cli::runMediaReturnToLessor,
            "close an erased leased medium as returned"},
    Command{"media report", massho::cli::runMediaReport,
            "ledger, carried-out, due or closures report (PDF/CSV)"},
    Command{"media check", massho::cli::runMediaCheck,
            "compare the ledger tables with the signed register"},
    Command{"certificate verify", massho::cli::runCertificateVerify,
            "verify a disposal certificate (PDF or QR text) offline"},
    Command{"certificate batch", massho::cli::runCertificateBatch,
            "a day's or a request's certificates as one PDF (--date / --request)"},
    Command{"certificate list", massho::cli::runCertificateList,
            "the disposal list (廃棄記録一覧) for a date range as CSV and/or PDF"},
    Command{"certificate", massho::cli::runCertificate,
            "issue (--pdf) or print (--print) an erasure's disposal certificate"},
};

void printUsage(FILE* to) {
    std::fputs(
        "usage: massho [--data-dir DIR] COMMAND [ARGS…]   (COMMAND --help for "
        "details)\n\ncommands:\n",
        to);
    for (const auto& c : kCommands) std::fprintf(to, "  %-26s %s\n", c.name, c.summary);
}

std::filesystem::path defaultDataDir() {
    const char* env = std::getenv("MASSHO_DATA_DIR");
    return env && *env ? env : "/var/lib/massho";
}

int dispatch(int argc, char** argv) {
    QStringList args;
    for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);

    Invocation inv;
    inv.dataDir = defaultDataDir();
    inv.dataDirGiven = std::getenv("MASSHO_DATA_DIR") && *std::getenv("MASSHO_DATA_DIR");
    // Global options before the command word.
    while (!args.isEmpty() && args.front().startsWith("--data-dir")) {
        QString opt = args.takeFirst();
        inv.dataDirGiven = true;
        if (opt.startsWith("--data-dir=")) {
            inv.dataDir = opt.mid(11).toStdString();
        } else if (!args.isEmpty()) {
            inv.dataDir = args.takeFirst().toStdString();
        } else {
            throw massho::cli::badInput("--data-dir needs a folder");
        }
    }
    if (args.isEmpty() || args.front() == "--help" || args.front() == "-h" ||
        args.front() == "help") {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.front() == "--version") {
        std::puts("massho " MASSHO_VERSION);
        return 0;
    }
    // Longest match first: "register show" before "register".
    for (int words = 2; words >= 1; --words) {
        if (args.size() < words) continue;
        QString name = args.mid(0, words).join(' ');
        for (const auto& c : kCommands) {
            if (name == c.name) {
                inv.name = c.name;
                inv.arguments = args.mid(words);
                // Let commands see --data-dir given after the command word too.
                for (qsizetype i = 0; i < inv.arguments.size(); ++i) {
                    const QString& a = inv.arguments[i];
                    if (a == "--data-dir" && i + 1 < inv.arguments.size()) {
                        inv.dataDir = inv.arguments[i + 1].toStdString();
                        inv.dataDirGiven = true;
                    } else if (a.startsWith("--data-dir=")) {
                        inv.dataDir = a.mid(11).toStdString();
                        inv.dataDirGiven = true;
                    }
                }
                return c.run(inv);
            }
        }
    }
    throw massho::cli::badInput("unknown command '" + args.front().toStdString() +
                                "': run 'massho --help' for the list");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return dispatch(argc, argv);
    } catch (const massho::cli::HelpShown&) {
        return massho::cli::kExitDone;
    } catch (const massho::base::Error& e) {
        // Ours: one line saying what was wrong and what to do; the category decides the status.
        std::fprintf(stderr, "massho: %s\n", e.what());
        return massho::cli::exitCodeFor(e.category());
    } catch (const std::exception& e) {
        // Anything unexpected: still one line, and a failure (exit 1), never a success.
        std::fprintf(stderr, "massho: %s\n", massho::cli::unexpectedErrorLine(e).c_str());
        return 1;
    } catch (...) {
        std::fputs(
            "massho: internal error: an exception of unknown type; please report this line "
            "with the command that was run\n",
            stderr);
        return 1;
    }
}
