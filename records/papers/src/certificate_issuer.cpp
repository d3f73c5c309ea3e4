#include "massho/records/papers/certificate_issuer.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/base/unique_fd.h"
#include "massho/records/papers/certificate_pdf.h"
#include "massho/records/register/database.h"
#include "massho/records/register/durable_file.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/note.h"
#include "massho/records/register/proof.h"

namespace massho::records {
namespace {

constexpr std::uintmax_t kMaxArchivedPdfBytes = 64u * 1024 * 1024;

// Written in full and fsynced, its name too (the folder synced), before the register says it
// exists; O_EXCL: never overwritten.
void writeArchive(const std::filesystem::path& file, const std::string& bytes) {
    std::filesystem::create_directories(file.parent_path());
    ::chmod(file.parent_path().c_str(), 0700);
    base::UniqueFd out(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out)
        throw RecordsError("cannot create " + file.string() + ": " + std::strerror(errno) +
                           " (check the data directory)");
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(out.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw RecordsError("cannot write " + file.string() + ": " + std::strerror(errno));
        done += static_cast<size_t>(n);
    }
    if (::fsync(out.get()) != 0)
        throw RecordsError("cannot sync " + file.string() + ": " + std::strerror(errno));
    try {
        syncFolder(file.parent_path());
    } catch (const std::runtime_error& e) {
        throw RecordsError(e.what());
    }
}

struct LastIssue {
    std::string file;
    std::string sha256;
};

std::optional<LastIssue> lastIssueFor(const Register& log, uint64_t index) {
    std::optional<LastIssue> last;
    const std::string key = std::to_string(index);  // entry_keys.h: read those entries only
    log.forEachKeyed(entry_key::CertificateFor, key, key, [&](uint64_t, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::CertificateIssued)) return;
        const EntryFields f = parseEntry(bytes);
        if (entryInteger(f, "entry") != static_cast<int64_t>(index)) return;
        last = LastIssue{entryString(f, "file"), entryString(f, "pdf_sha256")};
    });
    return last;
}

uint64_t checkpointSize(const std::string& proofText) {
    return Checkpoint::parse(parseNote(TlogProof::parse(proofText).checkpointNote).body).size;
}

}  // namespace

namespace {

std::string issuedEntry(const Store& store, const Certificate& c, const std::string& sha256,
                        const std::string& file, int64_t batch) {
    EntryBuilder b(EntryKind::CertificateIssued, store.clock());
    b.set("entry", static_cast<int64_t>(c.index))
        .set("certificate", c.number)
        .set("issue", c.issue)
        .set("reissue", static_cast<int64_t>(c.reissue() ? 1 : 0))
        .set("pdf_sha256", sha256)
        .set("file", file)
        .set("checkpoint_size", static_cast<int64_t>(checkpointSize(c.proofText)))
        .set("by", c.issuedBy);
    if (batch > 0) b.set("batch", batch);
    return b.finish();
}

// Archives the PDF, then appends the entries; both or neither (the file is removed on failure).
// `deliver` runs last before the commit, so a PDF that cannot be handed out is not recorded.
std::vector<uint64_t> archiveAndRecord(Store& store, const std::filesystem::path& archived,
                                       const std::string& pdf,
                                       const std::vector<std::string>& entries,
                                       const PdfDelivery& deliver) {
    Transaction tx(store.database());
    writeArchive(archived, pdf);
    try {
        std::vector<uint64_t> indexes;
        indexes.reserve(entries.size());
        for (const auto& e : entries) indexes.push_back(store.signedRegister().append(e));
        if (deliver) deliver(pdf);
        tx.commit();
        return indexes;
    } catch (...) {
        // Not recorded, so not issued: no archived copy may claim otherwise.
        std::filesystem::remove(archived);
        throw;
    }
}

}  // namespace

IssuedCertificate issueCertificate(Store& store, uint64_t index, const std::string& officerId,
                                   const PdfDelivery& deliver) {
    IssuedCertificate out;
    out.certificate =
        prepareCertificate(store.signedRegister(), store.origin(), index, officerId, store.clock());
    const Certificate& c = out.certificate;
    out.pdf = renderCertificatePdf(c);
    out.sha256Hex = base::sha256Hex(out.pdf);
    const std::string name = c.number + ".pdf";
    out.archived = store.dir() / kCertificatesFolder / name;
    out.recordIndex = archiveAndRecord(store, out.archived, out.pdf,
                                       {issuedEntry(store, c, out.sha256Hex, name, 0)}, deliver)
                          .front();
    return out;
}

IssuedBatch issueCertificateBatch(Store& store, const std::vector<uint64_t>& indexes,
                                  const std::string& officerId, const PdfDelivery& deliver) {
    if (indexes.empty())
        throw CertificateRefused("no successful erasure matches: there is nothing to certify");
    IssuedBatch out;
    for (uint64_t index : indexes)
        out.certificates.push_back(prepareCertificate(store.signedRegister(), store.origin(), index,
                                                      officerId, store.clock()));
    out.pdf = renderCertificatesPdf(out.certificates);
    out.sha256Hex = base::sha256Hex(out.pdf);
    const std::string name = "batch-" + std::to_string(indexes.front()) + "-" +
                             std::to_string(indexes.back()) + "-" +
                             std::to_string(store.signedRegister().size()) + ".pdf";
    out.archived = store.dir() / kCertificatesFolder / name;
    std::vector<std::string> entries;
    for (const auto& c : out.certificates)
        entries.push_back(
            issuedEntry(store, c, out.sha256Hex, name, static_cast<int64_t>(indexes.size())));
    out.recordIndexes = archiveAndRecord(store, out.archived, out.pdf, entries, deliver);
    return out;
}

std::string archivedCertificate(Store& store, uint64_t index) {
    const auto last = lastIssueFor(store.signedRegister(), index);
    if (!last)
        throw RecordsError("no certificate was issued for entry " + std::to_string(index) +
                           ": issue one first with massho certificate " + std::to_string(index) +
                           " --pdf FILE");
    const std::filesystem::path file = store.dir() / kCertificatesFolder / last->file;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > kMaxArchivedPdfBytes)
        throw RecordsError("the archived certificate " + file.string() +
                           " is missing or unreadable: issue it again (it will be a reissue)");
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (base::sha256Hex(bytes.str()) != last->sha256)
        throw RecordsError("the archived certificate " + file.string() +
                           " differs from the SHA-256 recorded in the register: it was altered; "
                           "do not print it, report it to the auditor");
    return bytes.str();
}

}  // namespace massho::records
