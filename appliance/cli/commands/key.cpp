// massho key rotate --as ADMIN --password-stdin
#include <cstdio>

#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/operations/rotate_key_operation.h"

namespace massho::cli {

int runKeyRotate(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    addSessionOptions(cl);
    cl.parse(0, 0);
    Session session = Session::open(inv, cl, {records::Role::Admin});
    // The key-rotated entry is signed by the old key and names the new one: verification follows
    // it.
    operations::RotateKeyOperation rotate(session.store(), session.user());
    rotate.check();
    operations::ProgressSink progress;
    rotate.run(progress, operations::CancelToken());
    const std::string& vkey = rotate.vkey();
    std::fprintf(stderr, "signing key rotated; give auditors the new verifier key (%s)\n",
                 (inv.dataDir / records::Store::kVkeyFile).c_str());
    std::printf("%s\n", vkey.c_str());
    return 0;
}

}  // namespace massho::cli
