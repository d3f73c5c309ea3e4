// Disposal certificates from a real register: rendered PDFs checked with pdftotext, pdffonts,
// pdftoppm + zbarimg; payloads verified offline; every kind of forgery rejected.
#include "massho/records/papers/certificate.h"

#include <gtest/gtest.h>

#include <QString>
#include <fstream>
#include <sstream>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/papers/certificate_payload.h"
#include "massho/records/papers/certificate_pdf.h"
#include "massho/records/papers/disposal_list.h"
#include "massho/records/papers/pdf_payload.h"
#include "massho/records/people/store.h"
#include "massho/records/register/proof.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

using namespace massho::records;
using massho::testsupport::runCommand;
using massho::testsupport::TempDir;

namespace {

const std::string kOrigin = "city.example.jp/massho";

struct Erasure {
    std::string serial, model, mediaType, method, methodName, passes, level, result = "erased";
    bool approved = false;
};

std::string erasureEntry(const Erasure& e) {
    EntryBuilder b("erasure");
    b.set("result", e.result)
        .set("operator", "sato")
        .set("purpose", "disposal")
        .set("class", int64_t{3})
        .set("asset", "PC-" + e.serial)
        .set("device_path", "/dev/sdb")
        .set("device_model", e.model)
        .set("device_serial", e.serial)
        .set("device_transport", "sata")
        .set("device_media_type", e.mediaType)
        .set("device_size", int64_t{500107862016})
        .set("device_sector", int64_t{512})
        .set("method", e.method)
        .set("method_name", e.methodName)
        .set("passes", e.passes)
        .set("pass_count", int64_t{1})
        .set("bytes_written", int64_t{500107862016})
        .set("error_ranges", "")
        .set("verify_mode", "full")
        .set("verify_result", "passed")
        .set("verify_bytes", int64_t{500107862016})
        .set("nist_level", e.level)
        .set("started", "2026-03-02T01:15:00Z")
        .set("ended", "2026-03-02T02:40:05Z")
        .set("software", "massho 0.1.0");
    if (e.approved) b.set("request", "REQ-17").set("requester", "sato").set("approver", "yamada");
    return b.finish();
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// pdftotext in reading order, after NFKC (IPAexGothic's kanji may extract as Kangxi radicals),
// with line breaks and runs of spaces made one space: wrapped cells read on.
std::string pdfText(const std::filesystem::path& pdf) {
    auto r = runCommand({"pdftotext", "-raw", pdf.string(), "-"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return QString::fromStdString(r.out)
        .normalized(QString::NormalizationForm_KC)
        .simplified()
        .toStdString();
}

// One "Key: value" line of pdfinfo, value trimmed.
std::string pdfInfo(const std::filesystem::path& pdf, const std::string& key) {
    auto r = runCommand({"pdfinfo", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(key + ":", 0) == 0)
            return QString::fromStdString(line.substr(key.size() + 1)).trimmed().toStdString();
    return {};
}

class CertificateTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<Store>(
            Store::create(tmp_ / "data", kOrigin, "admin", "Admin", "admin-secret-pass-1"));
        hdd_ = store_->signedRegister().append(
            erasureEntry({"WD-WCC4N7KX1234", "WDC WD5000AAKX", "hdd", "dod-3",
                          "DoD 5220.22-M (3 passes)", "1: 0x00; 2: 0xFF; 3: random", "clear"}));
        usb_ = store_->signedRegister().append(
            erasureEntry({"USB-77AB0042", "SanDisk Cruzer", "usb-flash", "usb-clear",
                          "USB flash clear", "1: random; 2: complement", "clear", "erased", true}));
        failed_ = store_->signedRegister().append(erasureEntry(
            {"BAD-1", "Old disk", "hdd", "zero", "Zero fill", "1: 0x00", "none", "failed"}));
        vkeys_ = {VerifierKey::parse(store_->vkey())};
    }

    Certificate certificate(uint64_t index) {
        return prepareCertificate(store_->signedRegister(), kOrigin, index, "suzuki",
                                  systemClock());
    }

    TempDir tmp_;
    std::unique_ptr<Store> store_;
    uint64_t hdd_ = 0, usb_ = 0, failed_ = 0;
    std::vector<VerifierKey> vkeys_;
};

TEST_F(CertificateTest, PdfTextShowsTheFieldsAReaderCompares) {
    const auto pdf = tmp_ / "hdd.pdf";
    writeFile(pdf, renderCertificatePdf(certificate(hdd_)));
    const std::string text = pdfText(pdf);
    for (const char* expected :
         {"データ消去証明書", "Data Erasure Certificate", "WD-WCC4N7KX1234", "WDC WD5000AAKX",
          "DoD 5220.22-M (3 passes)", "sato", "PC-WD-WCC4N7KX1234", "500107862016",
          "2026-03-02 10:15:00 JST", "2026-03-02 01:15:00 UTC", "2026-03-02 11:40:05 JST",
          "廃棄 / Disposal", "クリア / Clear", "c2sp.org/tlog-proof@v1", kOrigin.c_str()})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n"
                                                          << text;
    EXPECT_NE(text.find("台帳番号"), std::string::npos);
    EXPECT_NE(text.find("index " + std::to_string(hdd_)), std::string::npos);
    // No approval on this one: the approver row says so rather than staying blank.
    EXPECT_NE(text.find("承認者"), std::string::npos);
    EXPECT_EQ(text.find("yamada"), std::string::npos);
    // A magnetic disk at Clear gets no advice to destroy it; not a reissue.
    EXPECT_EQ(text.find("destroy the medium physically"), std::string::npos);
    EXPECT_EQ(text.find("再発行"), std::string::npos);
}

TEST_F(CertificateTest, FlashAtClearAdvisesDestructionAndNamesTheApprover) {
    const auto pdf = tmp_ / "usb.pdf";
    writeFile(pdf, renderCertificatePdf(certificate(usb_)));
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("destroy the medium physically"), std::string::npos) << text;
    EXPECT_NE(text.find("物理的破壊"), std::string::npos) << text;
    EXPECT_NE(text.find("yamada"), std::string::npos);
    EXPECT_NE(text.find("REQ-17"), std::string::npos);
    EXPECT_NE(text.find("USB-77AB0042"), std::string::npos);
}

TEST_F(CertificateTest, FontsAreEmbeddedAndThePageIsA4) {
    const auto pdf = tmp_ / "fonts.pdf";
    writeFile(pdf, renderCertificatePdf(certificate(hdd_)));
    auto fonts = runCommand({"pdffonts", pdf.string()});
    ASSERT_EQ(fonts.exitCode, 0) << fonts.err;
    EXPECT_NE(fonts.out.find("IPAexGothic"), std::string::npos) << fonts.out;
    std::istringstream lines(fonts.out);
    int fontsSeen = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
        ++fontsSeen;
        // Columns: name type encoding emb sub uni …; every font must say emb = yes.
        EXPECT_NE(line.find(" yes "), std::string::npos) << "not embedded: " << line;
    }
    EXPECT_GT(fontsSeen, 0);
    EXPECT_EQ(pdfInfo(pdf, "Pages"), "1");
    EXPECT_NE(pdfInfo(pdf, "Page size").find("(A4)"), std::string::npos);
    EXPECT_EQ(pdfInfo(pdf, "Title").rfind("データ消去証明書 / Data Erasure Certificate", 0), 0u);
    EXPECT_FALSE(pdfInfo(pdf, "CreationDate").empty());
    EXPECT_EQ(pdfInfo(pdf, "Metadata Stream"), "yes");
}

TEST_F(CertificateTest, QrCodeDecodesToThePayloadThatVerifies) {
    const Certificate c = certificate(usb_);
    const auto pdf = tmp_ / "qr.pdf";
    writeFile(pdf, renderCertificatePdf(c));
    ASSERT_EQ(runCommand({"pdftoppm", "-png", "-r", "300", "-singlefile", pdf.string(),
                          (tmp_ / "page").string()})
                  .exitCode,
              0);
    auto scan = runCommand({"zbarimg", "-q", "--raw", "-Sbinary", (tmp_ / "page.png").string()});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    // zbarimg ends its output with a newline of its own.
    std::string scanned = scan.out;
    ASSERT_FALSE(scanned.empty());
    if (scanned.back() == '\n' && scanned.size() == c.payload().size() + 1) scanned.pop_back();
    EXPECT_EQ(scanned, c.payload());
    EXPECT_EQ(scanned.substr(0, scanned.find('\n')), store_->signedRegister().entry(usb_));
    const VerifiedCertificate v = verifyCertificatePayload(scan.out, vkeys_);
    EXPECT_EQ(v.index, usb_);
    EXPECT_EQ(entryString(v.fields, "device_serial"), "USB-77AB0042");
    EXPECT_EQ(v.keyName, kOrigin);
}

TEST_F(CertificateTest, PdfCarriesTheExactPayloadInItsMetadata) {
    const Certificate c = certificate(hdd_);
    const auto payloads = extractPdfPayloads(renderCertificatePdf(c));
    ASSERT_EQ(payloads.size(), 1u);
    EXPECT_EQ(payloads[0], c.payload());
    EXPECT_EQ(verifyCertificatePayload(payloads[0], vkeys_).index, hdd_);
}

TEST_F(CertificateTest, AlteredEntryIsRejected) {
    std::string payload = certificate(hdd_).payload();
    payload.replace(payload.find("WD-WCC4N7KX1234"), 15, "WD-WCC4N7KX9999");
    EXPECT_THROW(verifyCertificatePayload(payload, vkeys_), CertificateInvalid);
}

TEST_F(CertificateTest, ProofForAnotherEntryIsRejected) {
    const Certificate a = certificate(hdd_);
    const Certificate b = certificate(usb_);
    EXPECT_THROW(verifyCertificatePayload(a.entryBytes + "\n" + b.proofText, vkeys_),
                 CertificateInvalid);
    // The same proof re-labelled with the other index does not help either.
    TlogProof relabelled = TlogProof::parse(a.proofText);
    relabelled.index = usb_;
    EXPECT_THROW(verifyCertificatePayload(a.entryBytes + "\n" + relabelled.text(), vkeys_),
                 CertificateInvalid);
}

TEST_F(CertificateTest, ForgedCheckpointSignatureIsRejected) {
    const Certificate c = certificate(hdd_);
    TlogProof proof = TlogProof::parse(c.proofText);
    // A forger's key with the register's name signs the same checkpoint body.
    const SigningKey forger = SigningKey::generate(kOrigin);
    const std::string body = parseNote(proof.checkpointNote).body;
    proof.checkpointNote = signNote(body, forger);
    try {
        verifyCertificatePayload(c.entryBytes + "\n" + proof.text(), vkeys_);
        FAIL() << "forged checkpoint accepted";
    } catch (const CertificateInvalid& e) {
        EXPECT_NE(std::string(e.what()).find("not signed by any trusted key"), std::string::npos)
            << e.what();
    }
    // And the genuine certificate is refused under a key the reader does not trust.
    EXPECT_THROW(verifyCertificatePayload(c.payload(), {forger.verifierKey()}), CertificateInvalid);
}

TEST_F(CertificateTest, FailedErasuresAndOtherEntriesGetNoCertificate) {
    EXPECT_THROW(certificate(failed_), CertificateRefused);
    EXPECT_THROW(certificate(1), CertificateRefused);  // user-created
    EXPECT_THROW(certificate(store_->signedRegister().size()), RecordsError);
    // A payload built by hand for the failed erasure is not accepted as a certificate.
    const std::string forged =
        store_->signedRegister().entry(failed_) + "\n" + store_->signedRegister().proof(failed_);
    EXPECT_THROW(verifyCertificatePayload(forged, vkeys_), CertificateInvalid);
}

TEST_F(CertificateTest, IssuingRecordsTheArchivedPdfsHashAndReissuesAreMarked) {
    const IssuedCertificate first = issueCertificate(*store_, hdd_, "suzuki");
    EXPECT_FALSE(first.certificate.reissue());
    EXPECT_EQ(readFile(first.archived), first.pdf);
    EXPECT_EQ(massho::base::sha256Hex(readFile(first.archived)), first.sha256Hex);
    const EntryFields record = parseEntry(store_->signedRegister().entry(first.recordIndex));
    EXPECT_EQ(entryString(record, "kind"), "certificate-issued");
    EXPECT_EQ(entryInteger(record, "entry"), static_cast<int64_t>(hdd_));
    EXPECT_EQ(entryString(record, "pdf_sha256"), first.sha256Hex);
    EXPECT_EQ(entryInteger(record, "reissue"), 0);
    EXPECT_EQ(entryString(record, "by"), "suzuki");

    const IssuedCertificate second = issueCertificate(*store_, hdd_, "suzuki");
    EXPECT_TRUE(second.certificate.reissue());
    EXPECT_EQ(second.certificate.number, std::to_string(hdd_) + "-2");
    EXPECT_EQ(
        entryInteger(parseEntry(store_->signedRegister().entry(second.recordIndex)), "reissue"), 1);
    EXPECT_NE(pdfText(second.archived).find("再発行 / Reissue"), std::string::npos);
    EXPECT_EQ(archivedCertificate(*store_, hdd_), second.pdf);
}

// The requested PDF is written inside the issuing transaction: when that fails (disk full),
// neither the certificate-issued entries nor the archived copy remain.
TEST_F(CertificateTest, APdfThatCannotBeDeliveredIsNotRecorded) {
    const uint64_t size = store_->signedRegister().size();
    const auto failing = [](const std::string&) { throw RecordsError("disk full"); };
    EXPECT_THROW(issueCertificate(*store_, hdd_, "suzuki", failing), RecordsError);
    EXPECT_THROW(issueCertificateBatch(*store_, {hdd_, usb_}, "suzuki", failing), RecordsError);
    EXPECT_EQ(store_->signedRegister().size(), size);
    EXPECT_EQ(certificatesIssuedFor(store_->signedRegister(), hdd_), 0);
    const auto archive = store_->dir() / kCertificatesFolder;
    EXPECT_TRUE(!std::filesystem::exists(archive) || std::filesystem::is_empty(archive));

    std::string delivered;
    const IssuedCertificate issued =
        issueCertificate(*store_, hdd_, "suzuki", [&](const std::string& pdf) { delivered = pdf; });
    EXPECT_EQ(delivered, issued.pdf);
    EXPECT_EQ(issued.certificate.number, std::to_string(hdd_) + "-1");
}

TEST_F(CertificateTest, AlteredArchiveIsNotHandedOutForPrinting) {
    const IssuedCertificate issued = issueCertificate(*store_, hdd_, "suzuki");
    std::string bytes = readFile(issued.archived);
    bytes[bytes.size() / 2] ^= 1;
    writeFile(issued.archived, bytes);
    EXPECT_THROW(archivedCertificate(*store_, hdd_), RecordsError);
    EXPECT_THROW(archivedCertificate(*store_, usb_), RecordsError);  // never issued
}

TEST_F(CertificateTest, BatchPdfHasOnePagePerCertificateAndAllPayloads) {
    const auto pdf = tmp_ / "batch.pdf";
    const std::string bytes = renderCertificatesPdf({certificate(hdd_), certificate(usb_)});
    writeFile(pdf, bytes);
    EXPECT_EQ(pdfInfo(pdf, "Pages"), "2");
    const auto payloads = extractPdfPayloads(bytes);
    ASSERT_EQ(payloads.size(), 2u);
    EXPECT_EQ(verifyCertificatePayload(payloads[1], vkeys_).index, usb_);
}

TEST_F(CertificateTest, SelectsADaysSuccessfulErasuresInJapanTime) {
    // Both ended 2026-03-02T02:40:05Z = 11:40 JST on 2 March; the failed one is never chosen.
    EXPECT_EQ(selectErasures(store_->signedRegister(), "2026-03-02", std::nullopt),
              (std::vector<uint64_t>{hdd_, usb_}));
    EXPECT_TRUE(selectErasures(store_->signedRegister(), "2026-03-01", std::nullopt).empty());
    EXPECT_EQ(selectErasures(store_->signedRegister(), std::nullopt, "REQ-17"),
              (std::vector<uint64_t>{usb_}));
    const IssuedBatch batch = issueCertificateBatch(*store_, {hdd_, usb_}, "suzuki");
    ASSERT_EQ(batch.recordIndexes.size(), 2u);
    const EntryFields second = parseEntry(store_->signedRegister().entry(batch.recordIndexes[1]));
    EXPECT_EQ(entryInteger(second, "entry"), static_cast<int64_t>(usb_));
    EXPECT_EQ(entryInteger(second, "batch"), 2);
    EXPECT_EQ(entryString(second, "pdf_sha256"), massho::base::sha256Hex(readFile(batch.archived)));
    EXPECT_THROW(issueCertificateBatch(*store_, {}, "suzuki"), CertificateRefused);
}

TEST_F(CertificateTest, DisposalListAsCsvAndPdfForADateRange) {
    Erasure odd{
        "=cmd|' /C calc'!A0", "Model, \"quoted\"", "hdd", "zero", "Zero", "1: 0x00", "clear"};
    const uint64_t oddIndex = store_->signedRegister().append(erasureEntry(odd));
    const auto rows = disposalRows(store_->signedRegister(), "2026-03-01", "2026-03-02");
    ASSERT_EQ(rows.size(), 4u);  // the failed erasure is listed too: it is a record
    EXPECT_TRUE(disposalRows(store_->signedRegister(), "2026-03-03", "2026-03-31").empty());
    const std::string csv = disposalListCsv(rows);
    EXPECT_EQ(csv.rfind("index,ended_jst,asset,", 0), 0u) << csv;
    EXPECT_NE(
        csv.find("\r\n" + std::to_string(hdd_) + ",2026-03-02 11:40:05,PC-WD-WCC4N7KX1234,3,"),
        std::string::npos)
        << csv;
    // Quoted per RFC 4180, and a formula is defused rather than run by a spreadsheet.
    EXPECT_NE(csv.find("\"Model, \"\"quoted\"\"\""), std::string::npos) << csv;
    EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",failed,"), std::string::npos);
    const auto pdf = tmp_ / "list.pdf";
    writeFile(pdf, disposalListPdf(rows, kOrigin, "2026-03-01", "2026-03-02"));
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("廃棄記録一覧"), std::string::npos) << text;
    EXPECT_NE(text.find("USB-77AB0042"), std::string::npos) << text;
    EXPECT_NE(text.find(std::to_string(oddIndex)), std::string::npos);
}

TEST_F(CertificateTest, PayloadParserIsBoundedAndStrict) {
    EXPECT_THROW(CertificatePayload::parse("no entry here"), CertificateInvalid);
    EXPECT_THROW(CertificatePayload::parse(std::string(kMaxPayloadBytes + 1, '{')),
                 CertificateInvalid);
    // A CRLF added by an editor after the note does not change the signed bytes.
    const Certificate c = certificate(hdd_);
    std::string crlf = c.payload();
    crlf.back() = '\r';
    crlf += "\n";
    EXPECT_EQ(verifyCertificatePayload(crlf, vkeys_).index, hdd_);
}

TEST_F(CertificateTest, SavedCheckpointOfTheSameSizeMustHaveTheSameRoot) {
    const VerifiedCertificate v = verifyCertificatePayload(certificate(hdd_).payload(), vkeys_);
    EXPECT_TRUE(matchesSavedCheckpoint(v, store_->signedRegister().checkpoint(), vkeys_));
    store_->signedRegister().append(
        erasureEntry({"X", "Y", "hdd", "zero", "Zero", "1: 0x00", "clear"}));
    EXPECT_FALSE(matchesSavedCheckpoint(v, store_->signedRegister().checkpoint(), vkeys_));
}

}  // namespace
