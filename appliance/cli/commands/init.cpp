// massho init --origin ORIGIN --admin ID [--name NAME] --password-stdin
#include <cstdio>
#include <stdexcept>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../secret_input.h"
#include "massho/records/people/store.h"
#include "massho/records/register/durable_file.h"
#include "massho/records/register/errors.h"

namespace massho::cli {

int runInit(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("origin", "ORIGIN",
                 "The register's name, e.g. city.example/massho (the signing key's name).");
    cl.addOption("admin", "ID", "The first administrator's user ID.");
    cl.addOption("name", "NAME", "The first administrator's display name.");
    cl.addFlag("password-stdin",
               "Read the administrator's password from the first line of standard input.");
    cl.parse(0, 0);

    const std::string origin = cl.required("origin");
    const std::string admin = cl.required("admin");
    SecretInput input(cl.isSet("password-stdin"));
    Secret password = input.next("new password for " + admin);
    if (!cl.isSet("password-stdin")) {
        Secret again = input.next("the same password again");
        if (again.view() != password.view())
            throw badInput("the two passwords differ; nothing was created");
    }
    try {
        auto store = records::Store::create(inv.dataDir, origin, admin,
                                            cl.value("name").value_or(admin), password.view());
        std::fprintf(stderr, "created the register in %s; verifier key in %s\n",
                     inv.dataDir.c_str(), (inv.dataDir / records::Store::kVkeyFile).c_str());
        // The people and approval rules with their defaults, commented, ready to adjust; durably,
        // so that a power failure cannot leave an empty massho.conf behind.
        try {
            records::writeFileDurably(inv.dataDir / records::Config::kFileName,
                                      records::Config::defaultText());
        } catch (const std::runtime_error& e) {
            throw failed(std::string(e.what()) + "; the register was created: write " +
                         records::Config::kFileName + " again from massho.conf(5)");
        }
        std::printf("%s\n", store.vkey().c_str());
        return 0;
    } catch (const records::StoreError& e) {
        throw refused(e.what());
    } catch (const records::UserError& e) {
        throw badInput(e.what());
    }
}

}  // namespace massho::cli
