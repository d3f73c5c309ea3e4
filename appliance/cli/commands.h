#pragma once

#include <QStringList>
#include <filesystem>
#include <string>

namespace massho::cli {

// What every command gets: the data directory (massho(1): --data-dir, $MASSHO_DATA_DIR, default
// /var/lib/massho) and its own arguments (command words already removed).
struct Invocation {
    std::filesystem::path dataDir;
    bool dataDirGiven = false;  // --data-dir or $MASSHO_DATA_DIR, not the default
    std::string name;  // "user add", "register show", …
    QStringList arguments;
};

// Each returns the process exit code (massho(1), EXIT STATUS) or throws CliError.
int runInit(const Invocation&);
int runUserAdd(const Invocation&);
int runUserList(const Invocation&);
int runUserDisable(const Invocation&);
int runUserEnable(const Invocation&);
int runUserPasswd(const Invocation&);
int runRequestErase(const Invocation&);
int runRequestCarryout(const Invocation&);
int runRequestList(const Invocation&);
int runApprove(const Invocation&);
int runReject(const Invocation&);
int runDevices(const Invocation&);
int runMethods(const Invocation&);
int runJobs(const Invocation&);
int runErase(const Invocation&);
int runRegisterShow(const Invocation&);
int runRegisterProof(const Invocation&);
int runRegisterCheckpoint(const Invocation&);
int runRegisterVerify(const Invocation&);
int runRegisterExport(const Invocation&);
int runRegisterWitnessRequest(const Invocation&);
int runRegisterAddCosignature(const Invocation&);
int runWitnessInit(const Invocation&);
int runWitnessCosign(const Invocation&);
int runWitnessFollowRotation(const Invocation&);
int runRegisterRotationEvidence(const Invocation&);
int runKeyRotate(const Invocation&);
int runCarryOut(const Invocation&);
int runCarryIn(const Invocation&);
int runRecipientsAdd(const Invocation&);
int runRecipientsList(const Invocation&);
int runRecipientsRemove(const Invocation&);
int runCertificate(const Invocation&);
int runCertificateVerify(const Invocation&);
int runCertificateBatch(const Invocation&);
int runCertificateList(const Invocation&);
int runMediaAdd(const Invocation&);
int runMediaShow(const Invocation&);
int runMediaList(const Invocation&);
int runMediaMove(const Invocation&);
int runMediaUpdate(const Invocation&);
int runMediaCheck(const Invocation&);
int runMediaDestroy(const Invocation&);
int runMediaDispose(const Invocation&);
int runMediaReturnToLessor(const Invocation&);
int runMediaReport(const Invocation&);

}  // namespace massho::cli
