// A 5 GB file (a database dump) carried out and returned, end to end: the real `massho` on a real
// 33 GiB loop device, so the medium is exFAT and the 5 GB package one file on it. What it wrote
// is read as the receiver would, without Massho: tests/support/exfat_cat.py (written from the
// exFAT specification) | the real `age -d` | tar, compared by SHA-256 with the source, and
// fsck.exfat finds the volume clean. Then `massho carryin --crypto-erase` matches the medium by
// its exFAT volume serial and destroys the package's header. Label long: the medium is erased
// twice (33 GiB each) and 5 GB are encrypted, written, read back and decrypted — minutes, and
// about 36 GB of disk while it runs (the backing file is sparse until the erasure fills it).
#include "carryout_sources_fixture.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;
using testsupport::runCommand;

constexpr uint64_t kGiB = 1024 * kMiB;
constexpr uint64_t kDumpBytes = 5'000'000'000;

// 5 GB that take a few MiB of disk: every MiB starts with its own number, the rest is holes
// (zeros). A chunk written out of place, a size kept in 32 bits or an offset that wraps changes
// what arrives; writing 5 GB of real data would only cost the disk.
void writeSparseDump(const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    for (uint64_t at = 0; at < kDumpBytes; at += kMiB)
        out.seekp(static_cast<std::streamoff>(at)) << "dump.bin MiB " << at / kMiB << "\n";
    const std::string tail = "the last bytes of dump.bin\n";
    out.seekp(static_cast<std::streamoff>(kDumpBytes - tail.size())) << tail;
    out.close();
    ASSERT_TRUE(out) << "cannot write " << path;
    ASSERT_EQ(fs::file_size(path), kDumpBytes);
}

std::string sha256Of(const std::string& shellPipeline) {
    auto r = runCommand({"bash", "-o", "pipefail", "-c", shellPipeline + " | sha256sum"});
    EXPECT_EQ(r.exitCode, 0) << shellPipeline << ": " << r.err;
    return r.out.substr(0, 64);
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";  // paths of the test's own scratch folder: no quotes in them
}

TEST_F(CarryOutSourcesCliTest, AFiveGigabyteFileArrivesOnExfatAndIsCryptoErasedOnReturn) {
    const fs::path dump = sources_ / "dump.bin";
    writeSparseDump(dump);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    const std::string sourceSha = sha256Of("cat " + quoted(dump.string()));
    LoopDevice medium(tmp_ / "usb.img", 33 * kGiB);

    auto r = carryout(medium.path(), dump);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const int index =
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt();
    const auto entry = this->entry(index);
    EXPECT_EQ(entry["result"], "written");
    EXPECT_EQ(entry["file_count"].toInteger(), 1);
    EXPECT_EQ(entry["total_size"].toInteger(), static_cast<qint64>(kDumpBytes));
    EXPECT_EQ(entry["device_size"].toInteger(), static_cast<qint64>(33 * kGiB));
    const qint64 ciphertextSize = entry["ciphertext_size"].toInteger();
    EXPECT_GT(ciphertextSize, static_cast<qint64>(kDumpBytes)) << "the package holds all 5 GB";
    EXPECT_EQ(countKind("carry-out-started"), 1u);
    EXPECT_EQ(this->entry(entry["erasure_index"].toInt())["result"], "erased");

    // The receiver: the package read out of the exFAT volume, decrypted with the office's
    // identity by the real age, unpacked by tar; once more for the package's own digest.
    const std::string package = entry["package"].toString().toStdString();
    const std::string cat = "python3 " + quoted(MASSHO_EXFAT_CAT) + " " + quoted(medium.path()) +
                            " 1048576 " + quoted(package);
    EXPECT_EQ(sha256Of(cat + " | age -d -i " + quoted((tmp_ / "office.key").string()) +
                       " | tar -xOf - dump.bin"),
              sourceSha);
    EXPECT_EQ(sha256Of(cat), entry["ciphertext_sha256"].toString().toStdString());
    EXPECT_EQ(runCommand({"bash", "-c", cat + " | wc -c"}).out,
              std::to_string(ciphertextSize) + "\n");
    {
        LoopDevice partition(medium.path(), {.readOnly = true, .offset = kMiB});
        auto fsck = runCommand({"fsck.exfat", "-n", partition.path()});
        EXPECT_EQ(fsck.exitCode, 0) << fsck.out << fsck.err;
        EXPECT_NE(fsck.out.find("clean. directories 1, files 2"), std::string::npos) << fsck.out;
    }

    // The medium comes back: matched by its exFAT volume serial, its package header destroyed.
    auto back = massho(
        {"carryin", medium.path(), "--crypto-erase", "--as", "sato", "--password-stdin", "--json"},
        std::string(kOperatorPassword) + "\n");
    ASSERT_EQ(back.exitCode, 0) << back.err;
    const auto returned = QJsonDocument::fromJson(QByteArray::fromStdString(back.out)).object();
    EXPECT_EQ(returned["carry_out_index"].toInt(), index) << back.out;
    EXPECT_EQ(returned["headers_destroyed"].toInt(), 1) << back.out;
    const auto carryIn = this->entry(returned["index"].toInt());
    EXPECT_EQ(carryIn["matched"], "yes");
    EXPECT_EQ(carryIn["volume_id"], entry["volume_id"]);
    EXPECT_EQ(carryIn["crypto_erase"], "done");
    EXPECT_EQ(this->entry(carryIn["erasure_index"].toInt())["result"], "erased");
}

}  // namespace
}  // namespace massho::testing
