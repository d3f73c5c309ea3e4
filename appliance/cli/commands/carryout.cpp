// massho carryout DEVICE --file PATH… (--recipient AGE1…|NAME … | --passphrase-stdin) --class 1-4
//                 --destination TEXT [--request REQ] [--asset TAG] --as ID --password-stdin
//                 [--json]
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../erase_fields.h"
#include "../exit_code.h"
#include "../json_output.h"
#include "../session.h"
#include "massho/image/errors.h"
#include "massho/operations/carryout_operation.h"
#include "massho/records/people/recipient_book.h"

namespace massho::cli {
namespace {

constexpr size_t kMinPassphrase = 12;

// An age1… key as typed, or the name of a receiving office in the key book.
image::X25519Recipient recipientOrThrow(const std::string& given,
                                        const records::RecipientBook& book) {
    std::string key = given;
    if (given.rfind("age1", 0) != 0) {
        auto entry = book.find(given);
        if (!entry)
            throw badInput("'" + given.substr(0, 40) +
                           "' is neither an age1… key nor a name in the key book (massho "
                           "recipients list)");
        key = entry->publicKey;
    }
    try {
        return image::X25519Recipient::parse(key);
    } catch (const image::KeyFormatError& e) {
        throw badInput("recipient '" + given.substr(0, 20) + "…' is not a valid age key (" +
                       e.what() + "): check it with the receiving office");
    }
}

// One line per step as it starts ("erasing…", "formatting…", "writing…", "checking…").
class StepLog {
  public:
    void operator()(const operations::ProgressUpdate& u) {
        if (u.step == step_) return;
        step_ = u.step;
        std::fprintf(stderr, "%s…\n", u.step.c_str());
    }

  private:
    std::string step_;
};

}  // namespace

int runCarryOut(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("DEVICE", "The carry-out medium (whole disk), e.g. /dev/sdb. It is erased.");
    cl.addOption("file", "PATH", "A file or folder to carry out (repeat for several).");
    cl.addOption("recipient", "KEY",
                 "The receiving office's age1… key or its key book name (repeatable).");
    cl.addFlag("passphrase-stdin", "Encrypt with a passphrase read from the next stdin line.");
    cl.addOption("class", "N", "Information class of the data, 1-4 (Art. 7).");
    cl.addOption("destination", "TEXT", "Where the medium goes (the receiving office).");
    cl.addOption("request", "REQ", "The approved carry-out request (class 1-2).");
    cl.addOption("asset", "TAG",
                 "The medium's asset tag (default: the media ledger row with its serial).");
    addSessionOptions(cl);
    cl.addFlag("json", "Print the result as JSON on stdout.");
    cl.parse(1, 1);

    operations::CarryOutInput input;
    input.devicePath = cl.positional()[0];
    for (const auto& f : cl.values("file")) input.files.emplace_back(f);
    if (input.files.empty()) throw badInput("no files chosen: add --file PATH");
    const int infoClass = classOrThrow(cl.required("class"));
    input.infoClass = infoClass;
    input.destination = cl.required("destination");
    input.requestId = cl.value("request");
    input.assetTag = cl.value("asset").value_or("");
    const bool usePassphrase = cl.isSet("passphrase-stdin");
    if (usePassphrase == !cl.values("recipient").empty())
        throw badInput("give either --recipient KEY (preferred) or --passphrase-stdin");

    Session session = Session::open(inv, cl, {records::Role::Operator});
    input.operatorId = session.userId();
    records::RecipientBook book(session.store().database(), session.store().signedRegister());
    for (const auto& r : cl.values("recipient"))
        input.recipients.push_back(recipientOrThrow(r, book));
    if (usePassphrase) {
        Secret pass = session.nextSecret("carry-out passphrase");
        if (pass.view().size() < kMinPassphrase)
            throw badInput(
                "the carry-out passphrase is shorter than 12 characters: choose a "
                "longer one");
        input.passphrase.emplace(pass.view());
    }

    operations::CarryOutOperation operation(session.store(), std::move(input));
    operation.check();
    const auto& medium = operation.medium();
    std::fprintf(stderr, "carry-out on %s (%s, serial %s, %llu bytes): the medium is erased\n",
                 medium.path.c_str(), medium.model.c_str(),
                 medium.serial.empty() ? "-" : medium.serial.c_str(),
                 static_cast<unsigned long long>(medium.sizeBytes));
    StepLog log;
    operations::ProgressSink progress([&](const operations::ProgressUpdate& u) { log(u); });
    const operations::CancelToken cancel;  // not wired to signals: a killed run is interrupted
    const operations::Outcome outcome = operation.run(progress, cancel);
    if (!outcome.done()) {
        std::fprintf(stderr, "massho: %s\n", outcome.message.c_str());
        return exitCodeFor(outcome.kind);
    }
    const operations::CarryOutResult& result = operation.result();
    if (cl.isSet("json")) {
        printJson(QJsonObject{
            {"index", jsonNumber(result.registerIndex)},
            {"result", "written"},
            {"package", QString::fromStdString(result.package.name)},
            {"erasure_index", jsonNumber(result.erasureIndex)},
            {"file_count", jsonNumber(result.fileCount)},
            {"total_size", jsonNumber(result.totalBytes)},
            {"ciphertext_size", jsonNumber(result.package.ciphertextBytes)},
            {"ciphertext_sha256", QString::fromStdString(result.package.ciphertextSha256)},
        });
    } else {
        std::printf("%llu\n", static_cast<unsigned long long>(result.registerIndex));
    }
    std::fprintf(stderr, "wrote %s (%llu files, sha256 %s); register entry %llu\n",
                 result.package.name.c_str(), static_cast<unsigned long long>(result.fileCount),
                 result.package.ciphertextSha256.c_str(),
                 static_cast<unsigned long long>(result.registerIndex));
    return exitCodeFor(outcome.kind);
}

}  // namespace massho::cli
