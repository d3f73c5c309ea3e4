// `massho certificate` end to end: a real erasure on a loop device, the certificate issued by a
// records officer, then checked the way an outside reader would: zbarimg on the rendered page,
// `massho certificate verify` with only the public key, and forgeries refused.
#include <sys/stat.h>

#include <QDateTime>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr const char* kOfficerPassword = "officer-passphrase-1";
constexpr const char* kManagerPassword = "manager-passphrase-1";

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class CertificateCliTest : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        auto add = massho({"user", "add", "suzuki", "--role", "records-officer", "--as", "admin",
                           "--password-stdin"},
                          std::string(kAdminPassword) + "\n" + kOfficerPassword + "\n");
        ASSERT_EQ(add.exitCode, 0) << add.err;
        auto manager = massho({"user", "add", "tanaka", "--role", "data-manager", "--as", "admin",
                               "--password-stdin"},
                              std::string(kAdminPassword) + "\n" + kManagerPassword + "\n");
        ASSERT_EQ(manager.exitCode, 0) << manager.err;
        vkey_ = tmp_ / "auditor.vkey";
        std::filesystem::copy_file(std::filesystem::path(dataDir()) / "register.vkey", vkey_);
    }

    // Erases a fresh loop device for disposal, approved by the data manager as Art. 8(4) asks;
    // returns the erasure entry's index.
    std::string erase() {
        LoopDevice dev(tmp_ / "disk.img", 4 * 1024 * 1024);
        const std::vector<std::string> fields{"--method", "zero", "--purpose",       "disposal",
                                              "--class",  "3",    "--asset",         "PC-2026-0042",
                                              "--as",     "sato", "--password-stdin"};
        std::vector<std::string> request{"request", "erase", dev.path()};
        request.insert(request.end(), fields.begin(), fields.end());
        auto requested = massho(request, std::string(kOperatorPassword) + "\n");
        EXPECT_EQ(requested.exitCode, 0) << requested.err;
        const std::string req = QString::fromStdString(requested.out).trimmed().toStdString();
        auto approved = massho({"approve", req, "--as", "tanaka", "--password-stdin"},
                               std::string(kManagerPassword) + "\n");
        EXPECT_EQ(approved.exitCode, 0) << approved.err;
        std::vector<std::string> args{"erase", dev.path(), "--verify", "full", "--request", req};
        args.insert(args.end(), fields.begin(), fields.end());
        auto r = massho(args, std::string(kOperatorPassword) + "\n");
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return QString::fromStdString(r.out).trimmed().toStdString();
    }

    testsupport::CommandResult issue(const std::string& index, const std::filesystem::path& pdf,
                                     const std::string& as = "suzuki",
                                     const std::string& password = kOfficerPassword) {
        return massho(
            {"certificate", index, "--pdf", pdf.string(), "--json", "--as", as, "--password-stdin"},
            password + "\n");
    }

    testsupport::CommandResult verify(const std::filesystem::path& file) {
        return massho({"certificate", "verify", file.string(), "--vkey", vkey_.string()});
    }

    // An outside reader's check: no data directory, only the PDF and the public key.
    testsupport::CommandResult verifyWithoutRegister(const std::filesystem::path& file) {
        return runCommand({"env", "-u", "MASSHO_DATA_DIR", MASSHO_CLI, "certificate", "verify",
                           file.string(), "--vkey", vkey_.string()});
    }

    // Another PDF made by Qt (the disposal list), carrying a copy of `genuine`'s payload block.
    std::string pdfWithCopiedPayload(const std::string& genuine) {
        const auto list = tmp_ / "list.pdf";
        auto r = massho({"certificate", "list", "--from", "2000-01-01", "--to", "2099-12-31",
                         "--pdf", list.string()});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const size_t open = genuine.find("<massho:payloads>");
        const size_t close = genuine.find("</massho:payloads>");
        EXPECT_NE(close, std::string::npos);
        std::string other = readFile(list);
        const size_t eof = other.rfind("%%EOF");
        EXPECT_NE(eof, std::string::npos);
        return other.substr(0, eof) + "%" +
               genuine.substr(open, close + std::strlen("</massho:payloads>") - open) + "\n%%EOF\n";
    }

    std::filesystem::path vkey_;
};

TEST_F(CertificateCliTest, IssuedCertificateVerifiesFromThePdfAndFromItsScannedQrCode) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    const auto pdf = tmp_ / "cert.pdf";
    auto issued = issue(index, pdf);
    ASSERT_EQ(issued.exitCode, 0) << issued.err;
    EXPECT_NE(issued.out.find("\"reissue\":false"), std::string::npos) << issued.out;

    // The register records the PDF's SHA-256 in a certificate-issued entry.
    const auto all = entries();
    const QJsonObject& record = all.back();
    EXPECT_EQ(record["kind"], "certificate-issued");
    EXPECT_EQ(record["entry"].toInteger(), std::stoll(index));
    auto sha = runCommand({"sha256sum", pdf.string()});
    EXPECT_EQ(record["pdf_sha256"].toString().toStdString(), sha.out.substr(0, 64));

    auto fromPdf = verify(pdf);
    EXPECT_EQ(fromPdf.exitCode, 0) << fromPdf.err;
    EXPECT_EQ(fromPdf.out.rfind("DOCUMENT VERIFIED: this PDF is the one Massho issued (SHA-256 " +
                                    sha.out.substr(0, 64),
                                0),
              0u)
        << fromPdf.out;
    EXPECT_NE(fromPdf.out.find("\nentry " + index + " is in the register"), std::string::npos);
    EXPECT_NE(fromPdf.out.find("asset: PC-2026-0042"), std::string::npos) << fromPdf.out;
    EXPECT_NE(fromPdf.out.find("operator: sato"), std::string::npos);

    ASSERT_EQ(runCommand({"pdftoppm", "-png", "-r", "300", "-singlefile", pdf.string(),
                          (tmp_ / "page").string()})
                  .exitCode,
              0);
    auto scan = runCommand({"zbarimg", "-q", "--raw", "-Sbinary", (tmp_ / "page.png").string()});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    writeFile(tmp_ / "qr.txt", scan.out);
    auto fromQr = verify(tmp_ / "qr.txt");
    EXPECT_EQ(fromQr.exitCode, 0) << fromQr.err;
    EXPECT_EQ(fromQr.out.rfind("PROOF VERIFIED — the entry and its proof are genuine; this is the "
                               "payload, not the PDF",
                               0),
              0u)
        << fromQr.out;
    EXPECT_NE(fromQr.out.find("register index: " + index), std::string::npos);

    // The printed proof text is the QR's, so it can be typed in.
    auto text = runCommand({"pdftotext", "-raw", pdf.string(), "-"});
    const std::string proofFirstHashLine = scan.out.substr(scan.out.find("index "));
    EXPECT_NE(text.out.find(proofFirstHashLine.substr(0, proofFirstHashLine.find('\n'))),
              std::string::npos);
}

TEST_F(CertificateCliTest, AlteredOrForeignCertificatesFailWithTheReason) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    ASSERT_EQ(issue(index, tmp_ / "c.pdf").exitCode, 0);
    const std::string payload =
        massho({"register", "show", index}).out + "\n" + massho({"register", "proof", index}).out;
    ASSERT_EQ((writeFile(tmp_ / "good.txt", payload), verify(tmp_ / "good.txt").exitCode), 0);

    std::string altered = payload;
    altered.replace(altered.find("PC-2026-0042"), 12, "PC-2026-0043");
    writeFile(tmp_ / "altered.txt", altered);
    auto r = verify(tmp_ / "altered.txt");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("altered"), std::string::npos) << r.err;

    // Another register's key: not trusted.
    auto other =
        runCommand({MASSHO_CLI, "--data-dir", (tmp_ / "other").string(), "init", "--origin",
                    "test.massho.example/register", "--admin", "admin", "--password-stdin"},
                   std::string(kAdminPassword) + "\n");
    ASSERT_EQ(other.exitCode, 0) << other.err;
    r = massho({"certificate", "verify", (tmp_ / "good.txt").string(), "--vkey",
                (tmp_ / "other" / "register.vkey").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("not signed by any trusted key"), std::string::npos) << r.err;

    // A PDF whose embedded payload was changed in place.
    std::string pdf = readFile(tmp_ / "c.pdf");
    const size_t at = pdf.find("<rdf:li>eyJ");
    ASSERT_NE(at, std::string::npos);
    pdf[at + 20] = pdf[at + 20] == 'A' ? 'B' : 'A';
    writeFile(tmp_ / "tampered.pdf", pdf);
    EXPECT_EQ(verify(tmp_ / "tampered.pdf").exitCode, 1);
}

TEST_F(CertificateCliTest, OnlyRecordsOfficersIssueAndOnlyForSuccessfulErasures) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    auto byOperator = issue(index, tmp_ / "x.pdf", "sato", kOperatorPassword);
    EXPECT_EQ(byOperator.exitCode, 3);
    EXPECT_NE(byOperator.err.find("records-officer"), std::string::npos) << byOperator.err;
    auto notErasure = issue("1", tmp_ / "y.pdf");  // user-created
    EXPECT_EQ(notErasure.exitCode, 3);
    EXPECT_NE(notErasure.err.find("not an erasure"), std::string::npos) << notErasure.err;
    EXPECT_FALSE(std::filesystem::exists(tmp_ / "y.pdf"));
}

TEST_F(CertificateCliTest, ReissueIsMarkedAndPrintingNeedsAnIssuedCertificateAndCups) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    auto print = [&] {
        return massho({"certificate", index, "--print", "--printer", "massho-test-no-such-printer",
                       "--as", "suzuki", "--password-stdin"},
                      std::string(kOfficerPassword) + "\n");
    };
    auto early = print();
    EXPECT_EQ(early.exitCode, 1);
    EXPECT_NE(early.err.find("no certificate was issued"), std::string::npos) << early.err;

    ASSERT_EQ(issue(index, tmp_ / "1.pdf").exitCode, 0);
    auto second = issue(index, tmp_ / "2.pdf");
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.out.find("\"reissue\":true"), std::string::npos);
    auto text = runCommand({"pdftotext", (tmp_ / "2.pdf").string(), "-"});
    EXPECT_NE(text.out.find("Reissue"), std::string::npos);
    EXPECT_EQ(readFile(tmp_ / "2.pdf"),
              readFile(std::filesystem::path(dataDir()) / "certificates" / (index + "-2.pdf")));

    // No such printer (or no CUPS at all here): a clear failure, never "printed".
    auto printed = print();
    EXPECT_EQ(printed.exitCode, 1) << printed.err;
    EXPECT_TRUE(printed.err.find("printing failed") != std::string::npos ||
                printed.err.find("'lp' is not installed") != std::string::npos)
        << printed.err;
}

TEST_F(CertificateCliTest, BatchOfADayIsOneRecordedPdfThatVerifiesPageByPage) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string first = erase();
    const std::string second = erase();
    // The office's day: the JST date of the erasure's end.
    const QString ended = entry(std::stol(second))["ended"].toString();
    const std::string day = QDateTime::fromString(ended, Qt::ISODate)
                                .toOffsetFromUtc(9 * 3600)
                                .date()
                                .toString(Qt::ISODate)
                                .toStdString();
    const auto pdf = tmp_ / "batch.pdf";
    auto r = massho({"certificate", "batch", "--date", day, "--pdf", pdf.string(), "--json", "--as",
                     "suzuki", "--password-stdin"},
                    std::string(kOfficerPassword) + "\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("\"entries\":[" + first + "," + second + "]"), std::string::npos) << r.out;
    // One page for each certificate.
    auto info = runCommand({"pdfinfo", pdf.string()});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info.out, pages, std::regex("(^|\n)Pages: *([0-9]+)\n")))
        << info.out;
    EXPECT_EQ(pages[2].str(), "2") << info.out;
    auto v = verify(pdf);
    EXPECT_EQ(v.exitCode, 0) << v.err;
    EXPECT_NE(v.out.find("certificate 2 of 2"), std::string::npos) << v.out;
    const auto all = entries();
    EXPECT_EQ(all[all.size() - 1]["batch"].toInteger(), 2);
    EXPECT_EQ(all[all.size() - 2]["kind"], "certificate-issued");

    auto none = massho({"certificate", "batch", "--date", "2001-01-01", "--pdf",
                        (tmp_ / "none.pdf").string(), "--as", "suzuki", "--password-stdin"},
                       std::string(kOfficerPassword) + "\n");
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_NE(none.err.find("nothing to certify"), std::string::npos) << none.err;
}

// What goes to the printer is the archived PDF, byte for byte, and the printing is recorded. No
// printer exists here, so a stand-in `lp` on PATH (the CUPS client's interface: the document on
// standard input) keeps what it was given.
TEST_F(CertificateCliTest, PrintingSendsTheArchivedBytesAndIsRecorded) {
    const std::string index = erase();
    ASSERT_EQ(issue(index, tmp_ / "c.pdf").exitCode, 0);
    const auto bin = tmp_ / "bin";
    std::filesystem::create_directories(bin);
    const auto spooled = tmp_ / "spooled.pdf";
    writeFile(bin / "lp",
              "#!/bin/sh\ncat > '" + spooled.string() + "'\necho 'request id is test-1'\n");
    std::filesystem::permissions(bin / "lp", std::filesystem::perms::owner_all);
    const std::string oldPath = std::getenv("PATH");
    setenv("PATH", (bin.string() + ":" + oldPath).c_str(), 1);
    auto r = massho({"certificate", index, "--print", "--printer", "records-room", "--as", "suzuki",
                     "--password-stdin"},
                    std::string(kOfficerPassword) + "\n");
    setenv("PATH", oldPath.c_str(), 1);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(spooled), readFile(tmp_ / "c.pdf"));
    auto last = entries().back();
    EXPECT_EQ(last["kind"], "certificate-printed");
    EXPECT_EQ(last["entry"].toInteger(), std::stol(index));
    EXPECT_EQ(last["printer"], "records-room");
    EXPECT_EQ(last["by"], "suzuki");
    const auto sha = runCommand({"sha256sum", (tmp_ / "c.pdf").string()}).out.substr(0, 64);
    EXPECT_EQ(last["pdf_sha256"].toString().toStdString(), sha);
}

// The payload proves the erasure, not the page: only the register's certificate-issued entries
// (the issued PDF's SHA-256) make a PDF a document Massho issued.
TEST_F(CertificateCliTest, OnlyTheIssuedBytesAreADocumentAndAPayloadAloneSaysSo) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    const auto pdf = tmp_ / "c.pdf";
    ASSERT_EQ(issue(index, pdf).exitCode, 0);
    const std::string genuine = readFile(pdf);
    ASSERT_EQ(runCommand({MASSHO_CLI, "--data-dir", dataDir(), "register", "export",
                          (tmp_ / "export").string()})
                  .exitCode,
              0);

    // Against the data directory, a massho.db copy and an export: the document itself.
    for (const auto& reg : {dataDir(), dataDir() + "/massho.db", (tmp_ / "export").string()}) {
        auto r = runCommand({MASSHO_CLI, "certificate", "verify", pdf.string(), "--vkey",
                             vkey_.string(), "--register", reg});
        EXPECT_EQ(r.exitCode, 0) << reg << ": " << r.err;
        EXPECT_EQ(r.out.rfind("DOCUMENT VERIFIED: this PDF is the one Massho issued", 0), 0u)
            << r.out;
    }

    // The genuine payload in another PDF: not a document Massho issued.
    writeFile(tmp_ / "forged.pdf", pdfWithCopiedPayload(genuine));
    auto forged = verify(tmp_ / "forged.pdf");
    EXPECT_EQ(forged.exitCode, 1) << forged.out;
    EXPECT_NE(forged.err.find("this PDF is not one Massho issued"), std::string::npos)
        << forged.err;
    EXPECT_EQ(forged.out.find("VERIFIED"), std::string::npos) << forged.out;

    // The genuine PDF with a page appended (an incremental update): other bytes, refused.
    writeFile(tmp_ / "appended.pdf", genuine + "1 0 obj\n<<>>\nendobj\n%%EOF\n");
    EXPECT_EQ(verify(tmp_ / "appended.pdf").exitCode, 1);

    // Cut in half: refused with or without the register.
    writeFile(tmp_ / "half.pdf", genuine.substr(0, genuine.size() / 2));
    auto half = verify(tmp_ / "half.pdf");
    EXPECT_EQ(half.exitCode, 1);
    half = verifyWithoutRegister(tmp_ / "half.pdf");
    EXPECT_EQ(half.exitCode, 1);
    EXPECT_TRUE(half.err.find("not a whole PDF") != std::string::npos ||
                half.err.find("carries no Massho certificate payload") != std::string::npos)
        << half.err;

    // Without the register only the proof can be checked, and the output says exactly that,
    // followed by the facts to compare with the page.
    auto alone = verifyWithoutRegister(tmp_ / "forged.pdf");
    EXPECT_EQ(alone.exitCode, 0) << alone.err;
    EXPECT_EQ(alone.out.rfind("PROOF VERIFIED — the entry and its proof are genuine; this PDF's "
                              "bytes were NOT checked against the register",
                              0),
              0u)
        << alone.out;
    EXPECT_EQ(alone.out.find("DOCUMENT VERIFIED"), std::string::npos);
    for (const std::string& fact :
         {"register index: " + index, std::string("asset: PC-2026-0042"),
          std::string("operator: sato"), std::string("approver: tanaka"),
          std::string("result: erased"), std::string("method: zero"),
          std::string("device serial: "), std::string("device model: "),
          std::string("device size (bytes): 4194304"), std::string("ended (UTC): ")})
        EXPECT_NE(alone.out.find(fact), std::string::npos) << fact << "\n" << alone.out;
}

// Nothing is recorded for a certificate whose PDF cannot be written, and nothing blocks.
TEST_F(CertificateCliTest, AnOutputThatCannotBeWrittenRecordsNothing) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    const std::string index = erase();
    const size_t before = entries().size();
    const auto archive = std::filesystem::path(dataDir()) / "certificates";
    const std::string fifo = (tmp_ / "fifo").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::vector<std::pair<std::string, std::string>> outputs{
        {tmp_.path().string(), "is a folder"},
        {"", "file name is empty"},
        {(tmp_ / "no-such-folder" / "c.pdf").string(), "does not exist"},
        {fifo, "is not a regular file"},
    };
    for (const auto& [path, why] : outputs) {
        auto r = masshoWithin(
            20, {"certificate", index, "--pdf", path, "--as", "suzuki", "--password-stdin"},
            std::string(kOfficerPassword) + "\n");
        EXPECT_NE(r.exitCode, 124) << "blocked writing to " << path;
        EXPECT_EQ(r.exitCode, 2) << path << ": " << r.err;
        EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
        EXPECT_EQ(entries().size(), before) << "recorded although " << path << " was not written";
    }
    const std::string day =
        QDateTime::fromString(entry(std::stol(index))["ended"].toString(), Qt::ISODate)
            .toOffsetFromUtc(9 * 3600)
            .date()
            .toString(Qt::ISODate)
            .toStdString();
    auto batch = masshoWithin(20,
                              {"certificate", "batch", "--date", day, "--pdf", tmp_.path().string(),
                               "--as", "suzuki", "--password-stdin"},
                              std::string(kOfficerPassword) + "\n");
    EXPECT_EQ(batch.exitCode, 2) << batch.err;
    EXPECT_EQ(entries().size(), before);
    EXPECT_TRUE(!std::filesystem::exists(archive) || std::filesystem::is_empty(archive));
    // The folder holds no temporary file left behind.
    for (const auto& f : std::filesystem::directory_iterator(tmp_.path()))
        EXPECT_EQ(f.path().filename().string().rfind(".c.pdf", 0), std::string::npos) << f.path();
}

}  // namespace
}  // namespace massho::testing
