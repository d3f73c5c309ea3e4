// libFuzzer: the payload read from a certificate's QR code or PDF metadata: an entry's bytes,
// then its tlog proof. An auditor runs `certificate verify` on any PDF handed to them.
// Contract: a payload either verifies against the trusted key or is refused with a
// RecordsError (CertificateInvalid); it never crashes.
#include <cstdint>
#include <string_view>
#include <vector>

#include "massho/records/papers/certificate_payload.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/signing_key.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace massho::records;
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    static const std::vector<VerifierKey> keys{
        VerifierKey::parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")};
    try {
        (void)verifyCertificatePayload(payload, keys, keys);
    } catch (const RecordsError&) {
    }
    return 0;
}
