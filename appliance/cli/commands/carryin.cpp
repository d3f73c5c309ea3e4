// massho carryin DEVICE [--condition TEXT] [--crypto-erase [--method ID]] --as ID
//                --password-stdin [--json]
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../exit_code.h"
#include "../json_output.h"
#include "../progress_printer.h"
#include "../session.h"
#include "massho/operations/carryin_operation.h"

namespace massho::cli {

int runCarryIn(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("DEVICE", "The medium that came back (whole disk), e.g. /dev/sdb.");
    cl.addOption("condition", "TEXT", "How it came back (default: intact).");
    cl.addFlag("crypto-erase",
               "Destroy every age header (the wrapped file keys), then overwrite the medium.");
    cl.addOption("method", "ID", "Overwrite method after the headers (default: usb-clear).");
    addSessionOptions(cl);
    cl.addFlag("json", "Print the result as JSON on stdout.");
    cl.parse(1, 1);

    operations::CarryInInput input;
    input.devicePath = cl.positional()[0];
    input.condition = cl.value("condition").value_or("intact");
    input.cryptoErase = cl.isSet("crypto-erase");
    if (auto id = cl.value("method")) {
        input.method = erase::findMethod(*id);
        if (!input.method) throw badInput("unknown method '" + *id + "': see massho methods");
        if (input.method->hardware)
            throw badInput("method '" + *id + "' is a hardware command, not available here yet");
    }

    Session session = Session::open(inv, cl, {records::Role::Operator, records::Role::DataManager});
    input.operatorId = session.userId();
    operations::CarryInOperation operation(session.store(), std::move(input));
    operation.check();
    ProgressPrinter printer;
    operations::ProgressSink progress([&](const operations::ProgressUpdate& u) {
        if (u.engine) printer(*u.engine);
    });
    const operations::CancelToken cancel;  // not wired to signals
    const operations::Outcome outcome = operation.run(progress, cancel);
    printer.finish();
    if (!outcome.done()) {
        std::fprintf(stderr, "massho: %s\n", outcome.message.c_str());
        return exitCodeFor(outcome.kind);
    }
    const operations::CarryInResult& result = operation.result();
    if (cl.isSet("json")) {
        printJson(QJsonObject{
            {"index", jsonNumber(result.registerIndex)},
            {"matched", result.carryOutIndex.has_value()},
            {"carry_out_index", jsonNumber(result.carryOutIndex)},
            {"headers_destroyed", jsonNumber(result.headersDestroyed)},
            {"erasure_index", jsonNumber(result.erasureIndex)},
            {"erased", result.erased},
        });
    } else {
        std::printf("%llu\n", static_cast<unsigned long long>(result.registerIndex));
    }
    std::fprintf(stderr, "%s; register entry %llu\n", outcome.message.c_str(),
                 static_cast<unsigned long long>(result.registerIndex));
    return exitCodeFor(outcome.kind);
}

}  // namespace massho::cli
