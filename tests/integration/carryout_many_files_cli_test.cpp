// Carry-out at the size of a scanned archive or a mail export: 100,000 small files. The real
// `massho` binary on a real loop device; what it wrote is read back without Massho (mtools, the
// real `age`, tar) and compared file by file. Label long: creating, packaging, extracting and
// comparing 100,000 files takes minutes on a loaded machine (over ten under ASan).
#include "carryout_sources_fixture.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;
using testsupport::runCommand;

TEST_F(CarryOutSourcesCliTest, AHundredThousandSmallFilesArriveExactly) {
    const fs::path archive = sources_ / "archive";
    for (int d = 0; d < kFolders; ++d)
        fs::create_directories((archive / smallFileName(d * kFilesPerFolder)).parent_path());
    for (int n = 0; n < kFolders * kFilesPerFolder; ++n)
        std::ofstream(archive / smallFileName(n), std::ios::binary) << smallFileContent(n);
    LoopDevice medium(tmp_ / "usb.img", 384 * kMiB);

    auto r = carryout(medium.path(), archive);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto entry = this->entry(
        QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object()["index"].toInt());
    EXPECT_EQ(entry["result"], "written");
    EXPECT_EQ(entry["file_count"], kFolders * kFilesPerFolder);

    // Read back without Massho: mcopy, the real age, tar.
    const std::string package = entry["package"].toString().toStdString();
    const fs::path out = tmp_ / "received";
    fs::create_directories(out);
    auto copy = runCommand(
        {"mcopy", "-i", medium.path() + "@@1048576", "::" + package, (out / package).string()});
    ASSERT_EQ(copy.exitCode, 0) << copy.err;
    auto dec = runCommand({"age", "-d", "-i", (tmp_ / "office.key").string(), "-o",
                           (out / "data.tar").string(), (out / package).string()});
    ASSERT_EQ(dec.exitCode, 0) << dec.err;
    auto untar = runCommand({"tar", "-xf", (out / "data.tar").string(), "-C", out.string()});
    ASSERT_EQ(untar.exitCode, 0) << untar.err;
    size_t arrived = 0;
    for (const auto& e : fs::recursive_directory_iterator(out / "archive"))
        if (e.is_regular_file()) ++arrived;
    EXPECT_EQ(arrived, static_cast<size_t>(kFolders * kFilesPerFolder));
    int wrong = 0;
    for (int n = 0; n < kFolders * kFilesPerFolder; ++n)
        if (readFile(out / "archive" / smallFileName(n)) != smallFileContent(n) && ++wrong <= 5)
            ADD_FAILURE() << smallFileName(n) << " did not arrive exactly";
    EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace massho::testing
