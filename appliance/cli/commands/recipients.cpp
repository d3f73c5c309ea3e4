// massho recipients add NAME AGE1… [--label TEXT] --as ADMIN --password-stdin
// massho recipients list [--json]
// massho recipients remove NAME --as ADMIN --password-stdin
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../json_output.h"
#include "../session.h"
#include "massho/image/errors.h"
#include "massho/image/x25519_keys.h"
#include "massho/records/people/recipient_book.h"

namespace massho::cli {

int runRecipientsAdd(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("NAME", "Short name of the receiving office, e.g. kita-ward.");
    cl.addPositional("KEY", "Its age public key (age1…).");
    cl.addOption("label", "TEXT", "Display name of the office.");
    addSessionOptions(cl);
    cl.parse(2, 2);
    const std::string name = cl.positional()[0], key = cl.positional()[1];
    image::X25519Recipient parsed = [&] {
        try {
            return image::X25519Recipient::parse(key);
        } catch (const image::KeyFormatError& e) {
            throw badInput(std::string("not a valid age public key: ") + e.what());
        }
    }();
    Session session = Session::open(inv, cl, {records::Role::Admin});
    records::RecipientBook book(session.store().database(), session.store().signedRegister());
    records::RecipientKey entry{
        name, parsed.toString(), parsed.fingerprint(), cl.value("label").value_or(""), "", ""};
    auto stored = book.add(entry, session.userId());
    std::printf("%s\n", stored.fingerprint.c_str());
    return 0;
}

int runRecipientsList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print JSON on stdout.");
    cl.parse(0, 0);
    records::Store store = openStore(inv, records::Store::Access::ReadOnly);
    records::RecipientBook book(store.database(), store.signedRegister());
    const auto keys = book.list();
    if (cl.isSet("json")) {
        QJsonArray out;
        for (const auto& k : keys)
            out.append(QJsonObject{{"name", QString::fromStdString(k.name)},
                                   {"label", QString::fromStdString(k.label)},
                                   {"public_key", QString::fromStdString(k.publicKey)},
                                   {"fingerprint", QString::fromStdString(k.fingerprint)},
                                   {"added", QString::fromStdString(k.added)},
                                   {"added_by", QString::fromStdString(k.addedBy)}});
        printJson(out);
        return 0;
    }
    for (const auto& k : keys)
        std::printf("%-24s %s  %s\n", k.name.c_str(), k.publicKey.c_str(), k.label.c_str());
    return 0;
}

int runRecipientsRemove(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("NAME", "The key book name to remove.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    Session session = Session::open(inv, cl, {records::Role::Admin});
    records::RecipientBook book(session.store().database(), session.store().signedRegister());
    book.remove(cl.positional()[0], session.userId());
    return 0;
}

}  // namespace massho::cli
