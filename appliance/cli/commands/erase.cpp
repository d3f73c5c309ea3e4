// massho erase DEVICE --method ID --purpose P [--class N] [--asset TAG] [--verify M] [--blank]
//              [--request REQ] --as ID --password-stdin [--json]
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../erase_fields.h"
#include "../progress_printer.h"
#include "../session.h"
#include "massho/erase/method.h"
#include "massho/operations/approval_gate.h"
#include "massho/operations/erase_operation.h"
#include "massho/operations/ledger_gate.h"
#include "massho/records/ledger/media_ledger.h"

namespace massho::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void requestCancel(int) {
    g_cancel.store(true);
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

const erase::Method& methodOrThrow(const std::string& id) {
    const erase::Method* m = erase::findMethod(id);
    if (!m) throw badInput("unknown method '" + id + "': 'massho methods' lists them");
    return *m;
}

erase::VerifyMode verifyOrThrow(const std::string& v) {
    if (v == "full") return erase::VerifyMode::Full;
    if (v == "sample") return erase::VerifyMode::Sample;
    if (v == "none") return erase::VerifyMode::None;
    throw badInput("unknown verification '" + v + "': use full, sample or none");
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
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

    const erase::Method& method = methodOrThrow(cl.required("method"));
    operations::EraseRequest request;
    request.devicePath = cl.positional()[0];
    request.method = &method;
    request.verify = cl.value("verify") ? verifyOrThrow(*cl.value("verify")) : method.defaultVerify;
    request.blank = cl.isSet("blank");
    request.allowRegularFile = cl.isSet("allow-image-file");
    request.protectedPaths.push_back(inv.dataDir);
    request.context.purpose = purposeOrThrow(cl.required("purpose"));
    const std::optional<int> givenClass =
        cl.value("class") ? std::optional(classOrThrow(*cl.value("class"))) : std::nullopt;
    request.context.requestId = cl.value("request");

    Session session = Session::open(inv, cl, {records::Role::Operator});
    request.context.operatorId = session.userId();

    operations::EraseOperation operation(session.store().log(), std::move(request));
    const auto& medium = operation.describe();
    // Which ledger row this medium is, decided before anything is written.
    records::MediaLedger ledger(session.store().database(), session.store().log());
    const operations::LedgerAdmission admission =
        operations::admitToLedger(ledger, session.store().config().registerUnknownMedia, medium,
                                  cl.value("asset"), givenClass, records::MediaAct::Erase);
    operation.context().assetTag = admission.tag;
    operation.context().infoClass = admission.infoClass;
    // Art. 8(4): the approval (when the policy needs one) is claimed before the first write.
    std::optional<records::RequestClaim> claim =
        operations::admitErasure(session.store().requests(), session.store().config().approvals,
                                 operation.context(), medium, method.id);
    operation.context().mediumEntry =
        operations::registerAdmitted(ledger, admission, session.userId());
    if (operation.context().mediumEntry)
        std::fprintf(stderr, "registered %s in the media ledger (entry %llu)\n",
                     admission.tag.c_str(),
                     static_cast<unsigned long long>(*operation.context().mediumEntry));
    std::fprintf(stderr, "erasing %s (%s, serial %s, %llu bytes) with %s\n", medium.path.c_str(),
                 medium.model.c_str(), medium.serial.empty() ? "-" : medium.serial.c_str(),
                 static_cast<unsigned long long>(medium.sizeBytes), method.id.c_str());
    if (method.hardware)  // a drive cannot stop its own sanitize
        std::fprintf(stderr,
                     "a drive command cannot be cancelled once started; leave the "
                     "drive powered until it finishes\n");
    ProgressPrinter printer;
    CancelOnSignal cancelOnSignal;
    auto result = operation.run(&g_cancel, [&](const erase::Progress& p) { printer(p); });
    printer.finish();
    operations::settleErasure(claim, result);

    const auto& r = result.report;
    if (cl.isSet("json")) {
        // Qt's JSON writer does the escaping (the same one `methods --json` uses).
        const QJsonObject out{
            {"index", static_cast<qint64>(result.registerIndex)},
            {"result", qs(erase::toString(r.outcome))},
            {"verify", qs(erase::toString(r.verifyResult))},
            {"bytes_written", static_cast<qint64>(r.bytesWritten)},
            {"error_ranges", QString::fromStdString(operations::formatRanges(r.errorRanges))},
        };
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("%llu\n", static_cast<unsigned long long>(result.registerIndex));
    }
    if (r.outcome == erase::Outcome::Erased) {
        std::fprintf(stderr, "erased and verified (%s); register entry %llu\n",
                     std::string(erase::toString(r.verifyMode)).c_str(),
                     static_cast<unsigned long long>(result.registerIndex));
        return 0;
    }
    throw failed(std::string(r.outcome == erase::Outcome::Cancelled ? "erasure cancelled"
                                                                    : "erasure FAILED") +
                 ": " + r.failureReason + "; recorded as register entry " +
                 std::to_string(result.registerIndex) + " — the medium is NOT erased");
}

}  // namespace massho::cli
