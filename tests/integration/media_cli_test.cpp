// The media ledger end to end (Art. 8): the real `massho` binary, a real loop device carried
// out, returned, erased and destroyed; the reports read back with pdftotext and as CSV.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr const char* kWitnessPassword = "witness-passphrase-1";
constexpr const char* kManagerPassword = "manager-passphrase-1";
constexpr const char* kOfficerPassword = "officer-passphrase-1";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// RFC 4180 enough for our files: no quoted commas in the cells this test looks at.
std::vector<std::vector<std::string>> csvRows(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    size_t start = 0;
    while (start < csv.size()) {
        size_t end = csv.find("\r\n", start);
        if (end == std::string::npos) end = csv.size();
        std::vector<std::string> cells;
        std::string line = csv.substr(start, end - start), cell;
        for (char c : line) {
            if (c == ',') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += c;
            }
        }
        cells.push_back(cell);
        rows.push_back(cells);
        start = end + 2;
    }
    return rows;
}

class MediaCliTest : public CliTest {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        CliTest::SetUp();
        addUser("suzuki", "operator", kWitnessPassword);
        addUser("tanaka", "data-manager", kManagerPassword);
        addUser("kimura", "records-officer", kOfficerPassword);
    }
    void addUser(const std::string& id, const std::string& role, const std::string& password) {
        auto r = massho({"user", "add", id, "--role", role, "--as", "admin", "--password-stdin"},
                        std::string(kAdminPassword) + "\n" + password + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    testsupport::CommandResult asSato(std::vector<std::string> args, const std::string& more = {}) {
        args.insert(args.end(), {"--as", "sato", "--password-stdin"});
        return massho(args, std::string(kOperatorPassword) + "\n" + more);
    }
    QJsonObject show(const std::string& tag) {
        auto r = massho({"media", "show", tag, "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
    }
    std::string state(const std::string& tag) {
        return show(tag)["state"].toString().toStdString();
    }
    static long index(const testsupport::CommandResult& r) {
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return std::stol("0" + QString::fromStdString(r.out).trimmed().toStdString());
    }
    // An approved request (Art. 8(4), 8(7)); returns its id.
    std::string approvedRequest(std::vector<std::string> request) {
        auto r = asSato(std::move(request));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::string req = QString::fromStdString(r.out).trimmed().toStdString();
        auto ok = massho({"approve", req, "--as", "tanaka", "--password-stdin"},
                         std::string(kManagerPassword) + "\n");
        EXPECT_EQ(ok.exitCode, 0) << ok.err;
        return req;
    }
};

// A medium's whole life: add → carry out (encrypted) → return → erase → destroy (with a
// witness) → the ledger report shows every step with its register index; the register verifies.
TEST_F(MediaCliTest, ScriptedLifeOfAMyNumberMedium) {
    LoopDevice usb(tmp_ / "usb.img", 64 * kMiB);
    const fs::path share = tmp_ / "share";
    writeFile(share / "list.csv", "個人番号,氏名\n123456789012,山田\n");
    writeFile(fs::path(dataDir()) / "carryout-sources", share.string() + "\n");
    auto keygen = runCommand({"age-keygen", "-o", (tmp_ / "office.key").string()});
    ASSERT_EQ(keygen.exitCode, 0) << keygen.err;
    auto pub = runCommand({"age-keygen", "-y", (tmp_ / "office.key").string()});
    const std::string recipient = QString::fromStdString(pub.out).trimmed().toStdString();

    std::vector<long> steps;
    steps.push_back(
        index(asSato({"media", "add", "USB-0042", "--class", "1", "--my-number", "--device",
                      usb.path(), "--section", "税務課", "--location", "金庫B"})));
    EXPECT_EQ(state("USB-0042"), "registered");

    const std::string carry = approvedRequest({"request", "carryout", usb.path(), "--class", "1",
                                               "--asset", "USB-0042", "--destination", "北区役所"});
    auto out = asSato({"carryout", usb.path(), "--file", (share / "list.csv").string(),
                       "--recipient", recipient, "--class", "1", "--destination", "北区役所",
                       "--asset", "USB-0042", "--request", carry, "--json"});
    ASSERT_EQ(out.exitCode, 0) << out.err;
    const auto carried = QJsonDocument::fromJson(QByteArray::fromStdString(out.out)).object();
    steps.push_back(carried["erasure_index"].toInteger());  // the wipe before writing
    steps.push_back(carried["index"].toInteger());
    EXPECT_EQ(state("USB-0042"), "carried-out");
    // The records officer's list of media out and not returned names it and its carry-out entry.
    auto report = massho({"media", "report", "carried-out", "--csv", "-"});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const auto outRows = csvRows(report.out);
    ASSERT_EQ(outRows.size(), 2u) << report.out;
    EXPECT_EQ(outRows[1][0], "USB-0042");
    EXPECT_EQ(outRows[1][4], "北区役所");
    EXPECT_EQ(outRows[1].back(), std::to_string(steps.back()));
    // While it is out, nothing else may happen to it.
    EXPECT_EQ(asSato({"media", "move", "USB-0042", "--to", "in-use"}).exitCode, 3);

    auto in = asSato({"carryin", usb.path(), "--condition", "intact", "--json"});
    ASSERT_EQ(in.exitCode, 0) << in.err;
    steps.push_back(
        QJsonDocument::fromJson(QByteArray::fromStdString(in.out)).object()["index"].toInteger());
    EXPECT_EQ(state("USB-0042"), "returned");

    const std::vector<std::string> fields{"--method", "zero", "--purpose", "disposal",
                                          "--class",  "1",    "--asset",   "USB-0042"};
    std::vector<std::string> request{"request", "erase", usb.path()};
    request.insert(request.end(), fields.begin(), fields.end());
    const std::string req = approvedRequest(request);
    std::vector<std::string> erase{"erase",    usb.path(),  "--method", "zero", "--purpose",
                                   "disposal", "--request", req};  // asset and class: the ledger's
    auto erased = asSato(erase);
    ASSERT_EQ(erased.exitCode, 2) << "no --asset: a loop device has no serial to find it by";
    EXPECT_NE(erased.err.find("give --asset TAG"), std::string::npos) << erased.err;
    erase.insert(erase.end(), {"--asset", "USB-0042"});
    steps.push_back(index(asSato(erase)));
    EXPECT_EQ(state("USB-0042"), "erased");

    // A My Number medium is never just disposed of, and the witness is a second person.
    auto disposed = massho({"media", "dispose", "USB-0042", "--as", "tanaka", "--password-stdin"},
                           std::string(kManagerPassword) + "\n");
    EXPECT_EQ(disposed.exitCode, 3);
    EXPECT_NE(disposed.err.find("My Number"), std::string::npos) << disposed.err;
    auto self = asSato({"media", "destroy", "USB-0042", "--method", "shred", "--witness", "sato"},
                       std::string(kOperatorPassword) + "\n");
    EXPECT_EQ(self.exitCode, 3);
    EXPECT_NE(self.err.find("second person"), std::string::npos) << self.err;
    auto wrongWitness =
        asSato({"media", "destroy", "USB-0042", "--method", "shred", "--witness", "suzuki"},
               "not-her-password\n");
    EXPECT_EQ(wrongWitness.exitCode, 3);
    EXPECT_EQ(state("USB-0042"), "erased");

    writeFile(tmp_ / "photo.jpg", "\xff\xd8\xff shredded pieces");
    steps.push_back(
        index(asSato({"media", "destroy", "USB-0042", "--method", "shred", "--witness", "suzuki",
                      "--contractor", "東京シュレッド株式会社", "--contractor-cert", "TS-2026-0042",
                      "--place", "本庁舎 B1", "--photo", (tmp_ / "photo.jpg").string()},
                     std::string(kWitnessPassword) + "\n")));
    EXPECT_EQ(state("USB-0042"), "destroyed");
    const QJsonObject destroyed = entry(steps.back());
    EXPECT_EQ(destroyed["witness"], "suzuki");
    EXPECT_EQ(destroyed["erasure_entry"].toInteger(), steps[4]);
    const std::string photoHash = destroyed["photo_sha256"].toString().toStdString();
    EXPECT_EQ(readFile(fs::path(dataDir()) / "evidence" / photoHash), readFile(tmp_ / "photo.jpg"));

    // The records officer prints a certificate of destruction; it verifies offline.
    const fs::path certificate = tmp_ / "destruction.pdf";
    auto issued = massho({"certificate", std::to_string(steps.back()), "--pdf",
                          certificate.string(), "--as", "kimura", "--password-stdin"},
                         std::string(kOfficerPassword) + "\n");
    ASSERT_EQ(issued.exitCode, 0) << issued.err;
    auto page = runCommand({"pdftotext", certificate.string(), "-"});
    for (const char* must : {"データ媒体破壊証明書", "Certificate of Media Destruction", "USB-0042",
                             "suzuki", "TS-2026-0042"})
        EXPECT_NE(page.out.find(must), std::string::npos) << must << " missing:\n" << page.out;
    // The photo's SHA-256 is printed in two halves so that it wraps in its cell.
    EXPECT_NE(page.out.find(photoHash.substr(0, 32)), std::string::npos) << page.out;
    EXPECT_NE(page.out.find(photoHash.substr(32)), std::string::npos) << page.out;
    auto checked = massho({"certificate", "verify", certificate.string(), "--vkey",
                           (fs::path(dataDir()) / "register.vkey").string()});
    ASSERT_EQ(checked.exitCode, 0) << checked.out << checked.err;
    EXPECT_NE(checked.out.find("act: physical destruction"), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find("witness: suzuki"), std::string::npos) << checked.out;

    // `media show`: every step, in order, with its register index.
    std::vector<long> shown;
    for (const auto& h : show("USB-0042")["history"].toArray())
        shown.push_back(h.toObject()["index"].toInteger());
    EXPECT_EQ(shown, steps);

    // The ledger report as CSV names the same register entries; the PDF the same medium.
    auto csv = massho({"media", "report", "ledger", "--csv", "-"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const auto rows = csvRows(csv.out);
    ASSERT_EQ(rows.size(), 2u) << csv.out;
    EXPECT_EQ(rows[0].front(), "asset");
    EXPECT_EQ(rows[1][0], "USB-0042");
    EXPECT_EQ(rows[1][2], "yes");
    EXPECT_EQ(rows[1][8], "destroyed");
    std::string expected;
    for (long s : steps) expected += (expected.empty() ? "" : " ") + std::to_string(s);
    EXPECT_EQ(rows[1].back(), expected);

    const fs::path pdf = tmp_ / "closures.pdf";
    auto closures = massho({"media", "report", "closures", "--from", "2000-01-01", "--to",
                            "2099-12-31", "--pdf", pdf.string()});
    ASSERT_EQ(closures.exitCode, 0) << closures.err;
    auto text = runCommand({"pdftotext", "-layout", pdf.string(), "-"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    const std::string certificateNumber = std::to_string(steps.back()) + "-1";
    for (const char* must :
         {"USB-0042", "shred", "suzuki", "TS-2026-0042", "破壊記録", certificateNumber.c_str()})
        EXPECT_NE(text.out.find(must), std::string::npos) << must << " missing:\n" << text.out;

    auto verify = massho({"register", "verify"});
    EXPECT_EQ(verify.exitCode, 0) << verify.err;
    EXPECT_EQ(massho({"media", "check"}).exitCode, 0);
}

TEST_F(MediaCliTest, ErasureOfAnUnregisteredMediumRegistersItAndLinksBoth) {
    LoopDevice disk(tmp_ / "disk.img", 4 * kMiB);
    auto r = asSato({"erase", disk.path(), "--method", "zero", "--purpose", "reuse", "--class", "4",
                     "--asset", "PC-0099", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const long erasure =
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInteger();
    const QJsonObject erased = entry(erasure);
    const long registered = erased["medium_entry"].toInteger();
    const QJsonObject reg = entry(registered);
    EXPECT_EQ(reg["kind"], "medium-registered");
    EXPECT_EQ(reg["asset"], "PC-0099");
    EXPECT_EQ(reg["source"], "erasure");
    EXPECT_EQ(reg["class"], 4);
    EXPECT_LT(registered, erasure);
    EXPECT_EQ(state("PC-0099"), "erased");

    // The ledger's class is the truth: a contradicting --class is refused before any write.
    auto conflict = asSato({"erase", disk.path(), "--method", "zero", "--purpose", "reuse",
                            "--class", "2", "--asset", "PC-0099"});
    EXPECT_EQ(conflict.exitCode, 3);
    EXPECT_NE(conflict.err.find("class 4 in the media ledger"), std::string::npos) << conflict.err;
}

TEST_F(MediaCliTest, ConfigurationCanRefuseUnregisteredMedia) {
    writeFile(fs::path(dataDir()) / "massho.conf", "[media]\nunregistered = refuse\n");
    LoopDevice disk(tmp_ / "disk.img", 4 * kMiB);
    disk.writeAt(0, std::vector<uint8_t>(4096, 0x5a));
    const size_t before = entries().size();
    auto r = asSato({"erase", disk.path(), "--method", "zero", "--purpose", "reuse", "--class", "4",
                     "--asset", "PC-0100"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("massho media add PC-0100"), std::string::npos) << r.err;
    EXPECT_EQ(entries().size(), before) << "nothing recorded";
    EXPECT_EQ(disk.readAll()[0], 0x5a) << "device untouched";
    // Registered first, the same erasure runs.
    ASSERT_EQ(asSato({"media", "add", "PC-0100", "--class", "4", "--device", disk.path()}).exitCode,
              0);
    EXPECT_EQ(asSato({"erase", disk.path(), "--method", "zero", "--purpose", "reuse", "--asset",
                      "PC-0100"})
                  .exitCode,
              0);
}

// Art. 20(11): a lease-return erasure is of a medium whose ledger row names its lessor. Without a
// lease it is refused (exit 3) before anything is recorded or written, naming the remedy; the
// remedy followed, the same erasure runs and the medium goes back to its lessor.
TEST_F(MediaCliTest, LeaseReturnOfAMediumWithoutALeaseIsRefusedWithTheRemedy) {
    LoopDevice disk(tmp_ / "disk.img", 4 * kMiB);
    disk.writeAt(0, std::vector<uint8_t>(4096, 0x5a));
    const std::vector<std::string> leaseReturn{"erase",     disk.path(),    "--method", "zero",
                                               "--purpose", "lease-return", "--asset",  "PC-0300"};
    const size_t before = entries().size();

    // Not in the ledger: an erasure would register it, without a lease.
    auto withClass = leaseReturn;
    withClass.insert(withClass.end(), {"--class", "4"});
    auto unregistered = asSato(withClass);
    EXPECT_EQ(unregistered.exitCode, 3) << unregistered.err;
    EXPECT_NE(unregistered.err.find("massho media add PC-0300 --device " + disk.path() +
                                    " --class N --lessor NAME"),
              std::string::npos)
        << unregistered.err;
    EXPECT_EQ(entries().size(), before) << "nothing recorded, not even the registration";
    EXPECT_EQ(disk.readAll()[0], 0x5a) << "device untouched";

    // In the ledger without a lease.
    ASSERT_EQ(asSato({"media", "add", "PC-0300", "--class", "4", "--device", disk.path()}).exitCode,
              0);
    const size_t registered = entries().size();
    auto unleased = asSato(leaseReturn);
    EXPECT_EQ(unleased.exitCode, 3) << unleased.err;
    EXPECT_NE(unleased.err.find("massho media update PC-0300 --lessor NAME --lease-contract NO "
                                "--lease-return YYYY-MM-DD --reason TEXT"),
              std::string::npos)
        << unleased.err;
    EXPECT_EQ(entries().size(), registered) << "nothing recorded";
    EXPECT_EQ(disk.readAll()[0], 0x5a) << "device untouched";

    // The remedy as printed; then the lease return goes through (with its approval, Art. 8(4)).
    ASSERT_EQ(asSato({"media", "update", "PC-0300", "--lessor", "東京リース", "--lease-contract",
                      "TL-300", "--lease-return", "2027-03-31", "--reason", "lease found"})
                  .exitCode,
              0);
    const std::string req =
        approvedRequest({"request", "erase", disk.path(), "--method", "zero", "--purpose",
                         "lease-return", "--class", "4", "--asset", "PC-0300"});
    auto withRequest = leaseReturn;
    withRequest.insert(withRequest.end(), {"--request", req});
    auto erased = asSato(withRequest);
    ASSERT_EQ(erased.exitCode, 0) << erased.err;
    EXPECT_EQ(disk.readAll()[0], 0);
    EXPECT_EQ(asSato({"media", "return-to-lessor", "PC-0300"}).exitCode, 0);
    EXPECT_EQ(state("PC-0300"), "returned-to-lessor");
}

TEST_F(MediaCliTest, StorageLeaseAndReportsForTheRecordsOfficer) {
    ASSERT_EQ(asSato({"media", "add", "LS-0001", "--class", "2", "--serial", "WD-123", "--model",
                      "WD Blue", "--type", "hdd", "--lessor", "東京リース", "--lease-contract",
                      "TL-77", "--lease-return", "2026-01-31"})
                  .exitCode,
              0);
    EXPECT_EQ(asSato({"media", "move", "LS-0001", "--to", "stored"}).exitCode, 3);
    EXPECT_EQ(asSato({"media", "move", "LS-0001", "--to", "stored", "--write-protected"}).exitCode,
              3)
        << "class 2 needs --locked-by";
    EXPECT_EQ(asSato({"media", "move", "LS-0001", "--to", "stored", "--write-protected",
                      "--locked-by", "encryption", "--location", "書庫3"})
                  .exitCode,
              0);
    EXPECT_EQ(asSato({"media", "move", "LS-0001", "--to", "erased"}).exitCode, 3);
    EXPECT_EQ(asSato({"media", "move", "LS-0001", "--to", "nowhere"}).exitCode, 2);
    EXPECT_EQ(asSato({"media", "return-to-lessor", "LS-0001"}).exitCode, 3) << "not erased";

    // Particulars change with a reason; classification is the data manager's.
    EXPECT_EQ(asSato({"media", "update", "LS-0001", "--class", "1", "--reason", "audit"}).exitCode,
              3);
    auto raised =
        massho({"media", "update", "LS-0001", "--class", "1", "--section", "福祉課", "--reason",
                "holds welfare records", "--as", "tanaka", "--password-stdin"},
               std::string(kManagerPassword) + "\n");
    ASSERT_EQ(raised.exitCode, 0) << raised.err;
    EXPECT_EQ(show("LS-0001")["class"], 1);
    EXPECT_EQ(show("LS-0001")["section"], "福祉課");
    auto list = massho({"media", "list", "--state", "stored", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    const auto media = QJsonDocument::fromJson(QByteArray::fromStdString(list.out)).array();
    ASSERT_EQ(media.size(), 1);
    EXPECT_EQ(media[0].toObject()["location"], "書庫3");
    EXPECT_EQ(media[0].toObject()["lease"].toObject()["contract"], "TL-77");

    // Due back in January and not erased: the due report says so.
    auto due = massho({"media", "report", "due", "--csv", "-"});
    ASSERT_EQ(due.exitCode, 0) << due.err;
    const auto rows = csvRows(due.out);
    ASSERT_EQ(rows.size(), 2u) << due.out;
    EXPECT_EQ(rows[1][0], "LS-0001");
    EXPECT_NE(rows[1][5].find("not yet erased"), std::string::npos) << due.out;

    // Bad report requests are bad input, with the fix in the message.
    EXPECT_EQ(massho({"media", "report", "ledger"}).exitCode, 2);
    EXPECT_EQ(massho({"media", "report", "inventory", "--csv", "-"}).exitCode, 2);
    EXPECT_EQ(massho({"media", "report", "ledger", "--as-of", "2026-13-01", "--csv", "-"}).exitCode,
              2);
    // The ledger as of a day before anything was registered is empty.
    auto old = massho({"media", "report", "ledger", "--as-of", "2000-01-01", "--csv", "-"});
    EXPECT_EQ(csvRows(old.out).size(), 1u) << old.out;
}

// A loop device has no serial: the ledger knows it by path, model and size, as approvals do. A new
// tag can neither take it out of its class nor register it twice.
TEST_F(MediaCliTest, DeviceWithoutSerialKeepsItsTagAndClass) {
    LoopDevice loop(tmp_ / "loop.img", 4 * kMiB);
    loop.writeAt(0, std::vector<uint8_t>(4096, 0x5a));
    ASSERT_EQ(asSato({"media", "add", "A-1", "--class", "4", "--device", loop.path()}).exitCode, 0);
    auto raised = massho({"media", "update", "A-1", "--class", "1", "--reason", "holds payroll",
                          "--as", "tanaka", "--password-stdin"},
                         std::string(kManagerPassword) + "\n");
    ASSERT_EQ(raised.exitCode, 0) << raised.err;

    const size_t before = entries().size();
    auto escape = asSato({"erase", loop.path(), "--method", "zero", "--purpose", "reuse", "--class",
                          "4", "--asset", "NEW-9"});
    EXPECT_EQ(escape.exitCode, 3);
    EXPECT_NE(escape.err.find(loop.path() + " (no serial; same path, model and size) is "
                                            "registered as A-1, not NEW-9: check the label"),
              std::string::npos)
        << escape.err;
    EXPECT_EQ(entries().size(), before) << "nothing recorded";
    EXPECT_EQ(loop.readAll()[0], 0x5a) << "device untouched";
    EXPECT_EQ(massho({"media", "show", "NEW-9"}).exitCode, 2) << "NEW-9 not registered";
    // Under its own tag the ledger's class 1 applies: a reuse erasure needs an approval.
    auto unapproved =
        asSato({"erase", loop.path(), "--method", "zero", "--purpose", "reuse", "--asset", "A-1"});
    EXPECT_EQ(unapproved.exitCode, 3);
    EXPECT_NE(unapproved.err.find("class 1 media needs a data manager's approval"),
              std::string::npos)
        << unapproved.err;
    EXPECT_EQ(loop.readAll()[0], 0x5a) << "device untouched";

    auto second = asSato({"media", "add", "DEV-1", "--class", "4", "--device", loop.path()});
    EXPECT_EQ(second.exitCode, 3);
    EXPECT_NE(second.err.find("is already in the ledger as A-1"), std::string::npos) << second.err;
    EXPECT_EQ(massho({"media", "show", "DEV-1"}).exitCode, 2);
}

// The data manager named for a medium is a user with that role.
TEST_F(MediaCliTest, DataManagerOfAMediumIsADataManager) {
    ASSERT_EQ(asSato({"media", "add", "PC-0200", "--class", "3", "--serial", "SN-200", "--model",
                      "ACME", "--type", "ssd"})
                  .exitCode,
              0);
    auto ghost = asSato({"media", "update", "PC-0200", "--data-manager", "ghost", "--reason", "x"});
    EXPECT_EQ(ghost.exitCode, 2);
    EXPECT_NE(ghost.err.find("no user 'ghost'"), std::string::npos) << ghost.err;
    auto operatorOnly =
        asSato({"media", "update", "PC-0200", "--data-manager", "suzuki", "--reason", "x"});
    EXPECT_EQ(operatorOnly.exitCode, 3);
    EXPECT_NE(operatorOnly.err.find("user suzuki is not a data manager"), std::string::npos)
        << operatorOnly.err;
    auto added = asSato({"media", "add", "PC-0201", "--class", "3", "--serial", "SN-201", "--model",
                         "ACME", "--type", "ssd", "--data-manager", "kimura"});
    EXPECT_EQ(added.exitCode, 3) << added.err;
    EXPECT_EQ(massho({"media", "show", "PC-0201"}).exitCode, 2);
    EXPECT_EQ(show("PC-0200")["data_manager"], "");
    auto ok = asSato(
        {"media", "update", "PC-0200", "--data-manager", "tanaka", "--reason", "new section"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_EQ(show("PC-0200")["data_manager"], "tanaka");
}

// A destruction is not dated before the ledger knew the medium.
TEST_F(MediaCliTest, DestructionDateIsNotBeforeTheRegistration) {
    ASSERT_EQ(asSato({"media", "add", "PC-0300", "--class", "3", "--serial", "SN-300", "--model",
                      "ACME", "--type", "hdd"})
                  .exitCode,
              0);
    const size_t before = entries().size();
    auto early = asSato({"media", "destroy", "PC-0300", "--method", "shred", "--witness", "suzuki",
                         "--date", "2001-01-01"},
                        std::string(kWitnessPassword) + "\n");
    EXPECT_EQ(early.exitCode, 2);
    EXPECT_NE(early.err.find("destruction date 2001-01-01 is before medium PC-0300 was registered"),
              std::string::npos)
        << early.err;
    EXPECT_EQ(entries().size(), before);
    EXPECT_EQ(state("PC-0300"), "registered");
}

// An erasure for disposal is not undone by an operator's move: only a data manager puts the
// medium back into use, with a reason on record.
TEST_F(MediaCliTest, MediumErasedForDisposalGoesBackOnlyByADataManager) {
    LoopDevice loop(tmp_ / "loop.img", 4 * kMiB);
    ASSERT_EQ(asSato({"media", "add", "PC-0400", "--class", "3", "--device", loop.path()}).exitCode,
              0);
    const std::string req =
        approvedRequest({"request", "erase", loop.path(), "--method", "zero", "--purpose",
                         "disposal", "--class", "3", "--asset", "PC-0400"});
    index(asSato({"erase", loop.path(), "--method", "zero", "--purpose", "disposal", "--asset",
                  "PC-0400", "--request", req}));
    ASSERT_EQ(state("PC-0400"), "erased");

    auto back = asSato({"media", "move", "PC-0400", "--to", "in-use"});
    EXPECT_EQ(back.exitCode, 3);
    EXPECT_NE(back.err.find("it was erased for disposal"), std::string::npos) << back.err;
    EXPECT_NE(back.err.find("a data manager moves it back with --reason WHY"), std::string::npos)
        << back.err;
    auto noReason =
        massho({"media", "move", "PC-0400", "--to", "in-use", "--as", "tanaka", "--password-stdin"},
               std::string(kManagerPassword) + "\n");
    EXPECT_EQ(noReason.exitCode, 2) << noReason.err;
    EXPECT_EQ(state("PC-0400"), "erased");
    const long moved = index(massho({"media", "move", "PC-0400", "--to", "in-use", "--reason",
                                     "disposal cancelled", "--as", "tanaka", "--password-stdin"},
                                    std::string(kManagerPassword) + "\n"));
    EXPECT_EQ(entry(moved)["reason"], "disposal cancelled");
    EXPECT_EQ(entry(moved)["by"], "tanaka");
    EXPECT_EQ(state("PC-0400"), "in-use");
}

// `massho devices` names the ledger row of each attached device it can match by serial.
TEST_F(MediaCliTest, DevicesShowTheirLedgerRow) {
    auto list = massho({"devices", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    QJsonObject withSerial;
    for (const auto& d : QJsonDocument::fromJson(QByteArray::fromStdString(list.out)).array())
        if (!d.toObject()["serial"].toString().isEmpty()) withSerial = d.toObject();
    if (withSerial.isEmpty()) GTEST_SKIP() << "no block device with a serial on this machine";
    const std::string serial = withSerial["serial"].toString().toStdString();
    ASSERT_EQ(asSato({"media", "add", "SYS-0001", "--class", "3", "--serial", serial, "--model",
                      "system disk", "--type", "other"})
                  .exitCode,
              0);
    auto again = massho({"devices", "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    bool found = false;
    for (const auto& d : QJsonDocument::fromJson(QByteArray::fromStdString(again.out)).array()) {
        const QJsonObject o = d.toObject();
        if (o["serial"].toString().toStdString() != serial) continue;
        found = true;
        EXPECT_EQ(o["asset"], "SYS-0001");
        EXPECT_EQ(o["ledger_state"], "registered");
        EXPECT_EQ(o["ledger_class"], 3);
    }
    EXPECT_TRUE(found);
    EXPECT_NE(massho({"devices"}).out.find("SYS-0001"), std::string::npos);
}

}  // namespace
}  // namespace massho::testing
