#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "massho/operations/operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "massho/records/register/secret.h"

namespace massho::operations {

struct DestroyMediumInput {
    std::string tag;
    records::Destruction destruction;  // its photo hashes are filled from `photos`
    std::vector<std::filesystem::path> photos;
    std::filesystem::path dataDir;  // where the photos are kept (records::EvidenceStore)
    // Asks the witness for their password (the shell's way: stdin line 2, a dialog), once the
    // checks that need none have passed.
    std::function<records::Secret()> witnessPassword;
    // The caller has already seen the witness prove presence with their own password (masshod:
    // the witness's own session, logged in on the same kiosk). No password is asked again; the
    // witness must still be another person whose account is enabled.
    bool witnessLoggedIn = false;
};

// "This medium was destroyed, and a second person saw it" (the city's standard Art. 8(4), 7-3):
// by an operator, data manager or records officer. check(): the role; the witness is another
// person, who proves presence with their own password (a failure is recorded as theirs), or has
// just done so by logging in beside the person destroying it (`witnessLoggedIn`).
// run(): the photos kept by hash, then records::MediaLedger::destroy (`medium-destroyed`).
class DestroyMediumOperation : public Operation {
  public:
    DestroyMediumOperation(records::Store& store, records::User by, DestroyMediumInput input);

    std::string_view name() const override { return "media-destroy"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    void requireWitnessEnabled() const;

    records::Store& store_;
    records::User by_;
    DestroyMediumInput input_;
};

}  // namespace massho::operations
