// massho media destroy|dispose|return-to-lessor — the acts that close a medium's life.
#include <cstdio>
#include <filesystem>
#include <vector>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/operations/close_medium_operation.h"
#include "massho/operations/destroy_medium_operation.h"

namespace massho::cli {
namespace {

// Checks and runs a closing act; prints its register entry as the command always did.
void runAndPrint(operations::Operation&& operation, const std::string& what) {
    operation.check();
    operations::ProgressSink progress;
    const operations::Outcome outcome = operation.run(progress, operations::CancelToken());
    const uint64_t index = outcome.registerIndex.value_or(0);
    std::printf("%llu\n", static_cast<unsigned long long>(index));
    std::fprintf(stderr, "%s: register entry %llu\n", what.c_str(),
                 static_cast<unsigned long long>(index));
}

}  // namespace

int runMediaDestroy(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    cl.addOption("method", "M", "shred, crush, degauss, melt, incinerate or disassemble.");
    cl.addOption("witness", "ID", "The second person who saw it done (stdin line 2: password).");
    cl.addOption("contractor", "NAME", "The outside firm that did it, if any.");
    cl.addOption("contractor-cert", "NO", "Their destruction certificate number.");
    cl.addOption("place", "TEXT", "Where it was done.");
    cl.addOption("date", "YYYY-MM-DD", "When it was done (default: today).");
    cl.addOption("photo", "FILE", "A photo of the destroyed medium (repeatable; kept by hash).");
    addSessionOptions(cl);
    cl.parse(1, 1);
    records::Destruction d;
    d.method = cl.required("method");
    d.witness = cl.required("witness");
    d.contractor = cl.value("contractor").value_or("");
    d.contractorCertificate = cl.value("contractor-cert").value_or("");
    d.place = cl.value("place").value_or("");
    d.performedOn = cl.value("date").value_or("");

    Session session = Session::open(
        inv, cl,
        {records::Role::Operator, records::Role::DataManager, records::Role::RecordsOfficer});
    std::vector<std::filesystem::path> photos;
    for (const auto& photo : cl.values("photo")) photos.emplace_back(photo);
    const std::string tag = cl.positional()[0];
    const std::string witness = d.witness;
    runAndPrint(operations::DestroyMediumOperation(
                    session.store(), session.user(),
                    {tag, std::move(d), std::move(photos), inv.dataDir,
                     [&] { return session.nextSecret("password of witness " + witness); }}),
                "destruction of " + tag + " witnessed by " + witness);
    return 0;
}

int runMediaDispose(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    // Art. 8(4): disposal is the data manager's decision; records officers close the record.
    Session session =
        Session::open(inv, cl, {records::Role::DataManager, records::Role::RecordsOfficer});
    runAndPrint(
        operations::CloseMediumOperation(session.store(), session.user(),
                                         {cl.positional()[0], operations::Closing::Dispose}),
        cl.positional()[0] + " disposed");
    return 0;
}

int runMediaReturnToLessor(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    Session session = Session::open(
        inv, cl,
        {records::Role::DataManager, records::Role::RecordsOfficer, records::Role::Operator});
    runAndPrint(
        operations::CloseMediumOperation(session.store(), session.user(),
                                         {cl.positional()[0], operations::Closing::ReturnToLessor}),
        cl.positional()[0] + " returned to its lessor");
    return 0;
}

}  // namespace massho::cli
