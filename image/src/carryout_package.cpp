#include "massho/image/carryout_package.h"

#include <signal.h>

#include <cstring>
#include <optional>

#include "massho/image/age_writer.h"
#include "massho/image/carryout_error.h"
#include "massho/image/errors.h"
#include "massho/image/hashing_sink.h"

namespace massho::image {
namespace {

using Kind = CarryOutError::Kind;

constexpr uint64_t kChunk = 64 * 1024;
constexpr uint64_t kTag = 16;

// mcopy exiting early (medium pulled) must surface as a write error on the pipe, not kill us.
class IgnoreSigpipe {
  public:
    IgnoreSigpipe() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGPIPE, &ignore, &old_);
    }
    ~IgnoreSigpipe() { sigaction(SIGPIPE, &old_, nullptr); }
    IgnoreSigpipe(const IgnoreSigpipe&) = delete;
    IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

  private:
    struct sigaction old_ {};
};

AgeWriter openWriter(std::ostream& out, const PackageEncryption& e) {
    if (!e.recipients.empty()) return AgeWriter(out, e.recipients);
    if (!e.passphrase || e.passphrase->empty())
        throw CarryOutError(Kind::BadInput,
                            "no recipient and no passphrase: the package would "
                            "be readable by nobody");
    std::string_view pass(reinterpret_cast<const char*>(e.passphrase->data()),
                          e.passphrase->size());
    return AgeWriter::withPassphrase(out, pass, e.scryptLogN);
}

}  // namespace

uint64_t ageSizeUpperBound(uint64_t plaintext, size_t recipients) {
    const uint64_t header = 64 + 128 * (recipients + 1);
    const uint64_t chunks = plaintext / kChunk + 1;
    return header + 16 + plaintext + chunks * kTag;
}

PackageWritten writePackage(const FatMedium& medium, const std::string& name,
                            const PackagePlan& plan, const PackageEncryption& encryption,
                            const std::function<void(uint64_t)>& onBytes,
                            const std::function<void(uint64_t, uint64_t)>& onReadBack) {
    IgnoreSigpipe ignoreSigpipe;
    MediumFileWriter file(medium, name);
    PackageWritten written;
    written.name = name;
    try {
        HashingFdStream out(file.fd());
        AgeWriter age = openWriter(out, encryption);
        writeTar(
            plan, [&](const void* data, size_t size) { age.write(data, size); }, onBytes);
        age.finish();
        written.ciphertextSha256 = out.finishSha256();
        written.ciphertextBytes = out.bytesWritten();
    } catch (const AgeError& e) {
        std::string why = file.abandon();
        throw CarryOutError(Kind::Failed, "writing " + name + " to the medium failed (" +
                                              (why.empty() ? e.what() : "mcopy: " + why) +
                                              "): the medium may have been pulled out or is full");
    } catch (const CarryOutError&) {
        file.abandon();
        throw;
    }
    file.finish();
    ReadBack back = readBackFile(medium, name, [&](uint64_t done) {
        if (onReadBack) onReadBack(done, written.ciphertextBytes);
    });
    if (back.sha256 != written.ciphertextSha256 || back.bytes != written.ciphertextBytes)
        throw CarryOutError(Kind::Failed,
                            "the package read back from the medium differs from "
                            "what was written: the medium is faulty");
    return written;
}

}  // namespace massho::image
