// libFuzzer: signed notes, checkpoints and tlog proofs (c2sp.org/signed-note,
// c2sp.org/tlog-checkpoint, c2sp.org/tlog-proof), as `certificate verify` and `register verify`
// read them from files a person hands in. The input is tried as each of them, and as an entry
// and its proof (split at the first NUL byte) checked against a published key.
// Contract: only RecordsError (NoteFormatError, KeyError, …) may escape.
#include <cstdint>
#include <string_view>
#include <vector>

#include "massho/records/register/errors.h"
#include "massho/records/register/note.h"
#include "massho/records/register/proof.h"
#include "massho/records/register/signing_key.h"

namespace {

// golang.org/x/mod/sumdb/note documentation's example key (public test value).
constexpr const char* kVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

template <class F>
void refusedOrAccepted(F&& f) {
    try {
        f();
    } catch (const massho::records::RecordsError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace massho::records;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const std::vector<VerifierKey> keys{VerifierKey::parse(kVkey)};
    refusedOrAccepted([&] {
        const SignedNote note = parseNote(text);
        (void)note.signedBy(keys.front());
        (void)Checkpoint::parse(note.body);
    });
    refusedOrAccepted([&] { (void)Checkpoint::parse(text); });
    refusedOrAccepted([&] { (void)TlogProof::parse(text); });
    refusedOrAccepted([&] { (void)VerifierKey::parse(text); });
    const size_t nul = text.find('\0');
    if (nul != std::string_view::npos)
        refusedOrAccepted([&] { (void)verifyEntryProof(text.substr(0, nul), text.substr(nul + 1), keys); });
    return 0;
}
