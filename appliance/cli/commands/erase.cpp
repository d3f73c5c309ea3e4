// massho erase DEVICE --method ID --purpose P [--class N] [--asset TAG] [--verify M] [--blank]
//              [--request REQ] --as ID --password-stdin [--json]
// A shell over operations::ErasureOperation: it reads the arguments and the password, and prints.
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../erase_fields.h"
#include "../exit_code.h"
#include "../json_output.h"
#include "../progress_printer.h"
#include "../session.h"
#include "massho/operations/erasure_operation.h"

namespace massho::cli {
namespace {

operations::CancelToken g_cancel;

extern "C" void requestCancel(int) {
    g_cancel.request();
}

// SIGINT/SIGTERM cancel the job at the next chunk: it ends "cancelled" and is recorded as such.
class CancelOnSignal {
  public:
    CancelOnSignal() {
        struct sigaction sa {};
        sa.sa_handler = requestCancel;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &oldInt_);
        sigaction(SIGTERM, &sa, &oldTerm_);
    }
    ~CancelOnSignal() {
        sigaction(SIGINT, &oldInt_, nullptr);
        sigaction(SIGTERM, &oldTerm_, nullptr);
    }
    CancelOnSignal(const CancelOnSignal&) = delete;
    CancelOnSignal& operator=(const CancelOnSignal&) = delete;

  private:
    struct sigaction oldInt_ {
    }, oldTerm_{};
};

erase::VerifyMode verifyOrThrow(const std::string& v) {
    if (v == "full") return erase::VerifyMode::Full;
    if (v == "sample") return erase::VerifyMode::Sample;
    if (v == "none") return erase::VerifyMode::None;
    throw badInput("unknown verification '" + v + "': use full, sample or none");
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Said once the medium is registered and before its first byte is written (the step "erasing").
void announce(const operations::ErasureOperation& operation) {
    const auto& medium = operation.medium();
    const erase::Method& method = operation.method();
    if (const auto entry = operation.mediumEntry())
        std::fprintf(stderr, "registered %s in the media ledger (entry %llu)\n",
                     operation.assetTag().c_str(), static_cast<unsigned long long>(*entry));
    std::fprintf(stderr, "erasing %s (%s, serial %s, %llu bytes) with %s\n", medium.path.c_str(),
                 medium.model.c_str(), medium.serial.empty() ? "-" : medium.serial.c_str(),
                 static_cast<unsigned long long>(medium.sizeBytes), method.id.c_str());
    if (method.hardware)  // a drive cannot stop its own sanitize
        std::fprintf(stderr,
                     "a drive command cannot be cancelled once started; leave the "
                     "drive powered until it finishes\n");
}

// stdout: the entry's index, or with --json what a script needs to decide.
void printResult(const operations::ErasureJobResult& result, bool json) {
    if (!json) {
        std::printf("%llu\n", static_cast<unsigned long long>(result.registerIndex));
        return;
    }
    const auto& r = result.report;
    // Qt's JSON writer does the escaping (the same one `methods --json` uses).
    const QJsonObject out{
        {"index", static_cast<qint64>(result.registerIndex)},
        {"result", qs(erase::toString(r.outcome))},
        {"verify", qs(erase::toString(r.verifyResult))},
        {"bytes_written", static_cast<qint64>(r.bytesWritten)},
        {"error_ranges", QString::fromStdString(operations::formatRanges(r.errorRanges))},
    };
    printJson(out);
}

}  // namespace

int runErase(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("DEVICE", "The whole disk to erase, e.g. /dev/sdb.");
    cl.addOption("method", "ID", "Erasure method (massho methods).");
    cl.addOption("purpose", "PURPOSE", "reuse, disposal or lease-return.");
    cl.addOption("class", "N",
                 "Information class of the data on the medium, 1-4 (Art. 7); default: the "
                 "media ledger's.");
    cl.addOption("asset", "TAG",
                 "The medium's asset tag; default: the ledger row with the device's serial.");
    cl.addOption("verify", "MODE", "full, sample or none (default: the method's).");
    cl.addFlag("blank", "Add a final pass of zeros.");
    cl.addOption("request", "REQ", "The approved request this erasure carries out.");
    cl.addFlag("allow-image-file",
               "Accept a regular file (a disk image) instead of a block device.");
    addSessionOptions(cl);
    cl.addFlag("json", "Print the result as JSON on stdout.");
    cl.parse(1, 1);

    // Everything the arguments alone decide is checked before the password is asked for.
    operations::ErasureInput input;
    input.devicePath = cl.positional()[0];
    input.methodId = operations::erasureMethod(cl.required("method")).id;
    if (const auto verify = cl.value("verify")) input.verify = verifyOrThrow(*verify);
    input.blank = cl.isSet("blank");
    input.allowRegularFile = cl.isSet("allow-image-file");
    input.protectedPaths.push_back(inv.dataDir);
    input.purpose = purposeOrThrow(cl.required("purpose"));
    if (const auto givenClass = cl.value("class")) input.infoClass = classOrThrow(*givenClass);
    input.assetTag = cl.value("asset");
    input.requestId = cl.value("request");

    Session session = Session::open(inv, cl, {records::Role::Operator});
    input.operatorId = session.userId();

    operations::ErasureOperation operation(session.store(), std::move(input));
    operation.check();
    ProgressPrinter printer;
    operations::ProgressSink progress([&](const operations::ProgressUpdate& update) {
        if (update.step == "erasing" && !update.engine)
            announce(operation);
        else
            printer(update);
    });
    CancelOnSignal cancelOnSignal;
    const operations::Outcome outcome = operation.run(progress, g_cancel);
    printer.finish();

    printResult(operation.result(), cl.isSet("json"));
    if (!outcome.done()) throw failed(outcome.message);
    std::fprintf(stderr, "%s\n", outcome.message.c_str());
    return exitCodeFor(outcome.kind);
}

}  // namespace massho::cli
