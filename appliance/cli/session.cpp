#include "session.h"

#include "cli_error.h"
#include "massho/records/register/errors.h"

namespace massho::cli {

void addSessionOptions(CommandLine& cl) {
    cl.addOption("as", "ID", "Your user ID: the person this command acts as.");
    cl.addFlag("password-stdin", "Read your password from the first line of standard input.");
}

records::Store openStore(const Invocation& inv, records::Store::Access access) {
    try {
        return records::Store::open(inv.dataDir, access);
    } catch (const records::StoreError& e) {
        throw badInput(e.what());
    }
}

namespace {

std::string roleList(std::initializer_list<records::Role> roles) {
    std::string out;
    for (auto r : roles) {
        if (!out.empty()) out += " or ";
        out += records::toString(r);
    }
    return out;
}

}  // namespace

Session Session::open(const Invocation& inv, const CommandLine& cl,
                      std::initializer_list<records::Role> anyOf, records::AuthPurpose purpose) {
    const std::string id = cl.required("as");
    SecretInput input(cl.isSet("password-stdin"));
    records::Store store = openStore(inv);
    records::User user;
    {
        Secret password = input.next("password for " + id);
        try {
            user = store.users().authenticate(id, password.view(), store.clock()(), purpose);
        } catch (const records::AuthError& e) {
            throw refused(std::string(e.what()) + " (as " + id + ")");
        }
    }
    bool allowed = anyOf.size() == 0;
    for (auto role : anyOf) allowed = allowed || user.hasRole(role);
    if (!allowed)
        throw refused("'" + id + "' does not hold the " + roleList(anyOf) + " role that 'massho " +
                      inv.name + "' needs; ask an administrator");
    return Session(std::move(store), std::move(user), input);
}

}  // namespace massho::cli
