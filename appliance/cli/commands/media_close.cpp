// massho media destroy|dispose|return-to-lessor — the acts that close a medium's life.
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/records/ledger/evidence_store.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/register/errors.h"

namespace massho::cli {
namespace {

void printIndex(uint64_t index, const std::string& what) {
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
    if (d.witness == session.userId())
        throw refused(
            "the witness must be a second person, not the one destroying the medium "
            "(Art. 7-3 separation of duties)");
    // The witness proves presence with their own password (a failure is recorded as theirs).
    {
        Secret witnessPassword = session.nextSecret("password of witness " + d.witness);
        try {
            session.store().users().authenticate(d.witness, witnessPassword.view());
        } catch (const records::AuthError& e) {
            throw refused("witness " + d.witness + " not confirmed: " + e.what());
        }
    }
    const records::EvidenceStore evidence(inv.dataDir);
    for (const auto& photo : cl.values("photo")) d.photoSha256s.push_back(evidence.add(photo));
    records::MediaLedger ledger(session.store().database(), session.store().log());
    printIndex(ledger.destroy(cl.positional()[0], d, session.userId()),
               "destruction of " + cl.positional()[0] + " witnessed by " + d.witness);
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
    records::MediaLedger ledger(session.store().database(), session.store().log());
    printIndex(ledger.dispose(cl.positional()[0], session.userId()),
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
    records::MediaLedger ledger(session.store().database(), session.store().log());
    printIndex(ledger.returnToLessor(cl.positional()[0], session.userId()),
               cl.positional()[0] + " returned to its lessor");
    return 0;
}

}  // namespace massho::cli
