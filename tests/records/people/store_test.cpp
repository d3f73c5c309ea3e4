#include "massho/records/people/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

using namespace massho::records;
using massho::records::test::fixedClock;
using massho::records::test::readFile;
using massho::testsupport::TempDir;

namespace {
const std::string kOrigin = "city.example.jp/massho";
const std::string kPassword = "admin-secret-pass-1";

mode_t modeOf(const std::filesystem::path& p) {
    struct stat st {};
    stat(p.c_str(), &st);
    return st.st_mode & 0777;
}
}  // namespace

TEST(Store, CreateWritesKeyVkeyAndFirstEntries) {
    TempDir tmp;
    auto dir = tmp / "data";
    Store store = Store::create(dir, kOrigin, "admin", "管理者", kPassword, fixedClock());
    EXPECT_EQ(modeOf(dir), 0700u);
    EXPECT_EQ(modeOf(dir / "register.key"), 0600u);
    EXPECT_EQ(readFile((dir / "register.vkey").string()), store.vkey() + "\n");
    EXPECT_EQ(VerifierKey::parse(store.vkey()).name(), kOrigin);
    ASSERT_EQ(store.signedRegister().size(), 2u);
    EntryFields created = parseEntry(store.signedRegister().entry(0));
    EXPECT_EQ(entryString(created, "kind"), "register-created");
    EXPECT_EQ(entryString(created, "origin"), kOrigin);
    EXPECT_EQ(entryString(created, "vkey"), store.vkey());
    EXPECT_TRUE(entryString(created, "software").starts_with("massho "));
    EntryFields admin = parseEntry(store.signedRegister().entry(1));
    EXPECT_EQ(entryString(admin, "kind"), "user-created");
    EXPECT_EQ(entryString(admin, "by"), "init");
    EXPECT_EQ(entryString(admin, "roles"), "admin");
    EXPECT_EQ(store.signingKey().vkey(), store.vkey());
}

TEST(Store, OpenFindsTheSameRegisterAndLoadsTheKeyOnDemand) {
    TempDir tmp;
    auto dir = tmp / "data";
    std::string vkey = Store::create(dir, kOrigin, "admin", "", kPassword).vkey();
    Store store = Store::open(dir);
    EXPECT_EQ(store.origin(), kOrigin);
    EXPECT_EQ(store.vkey(), vkey);
    EXPECT_EQ(store.signedRegister().size(), 2u);
    EXPECT_NO_THROW(store.users().authenticate("admin", kPassword));
    EXPECT_EQ(store.signingKey().vkey(), vkey);
}

TEST(Store, AuditorCopyWithoutKeyReadsButCannotSign) {
    TempDir tmp;
    auto dir = tmp / "data";
    Store::create(dir, kOrigin, "admin", "", kPassword);
    std::filesystem::remove(dir / "register.key");
    Store store = Store::open(dir, Store::Access::ReadOnly);
    EXPECT_EQ(store.signedRegister().size(), 2u);
    EXPECT_FALSE(store.hasSigningKey());
    EXPECT_THROW(store.signingKey(), KeyError);
}

TEST(Store, RefusesToCreateTwiceOrInANonEmptyFolder) {
    TempDir tmp;
    auto dir = tmp / "data";
    std::string vkey = Store::create(dir, kOrigin, "admin", "", kPassword).vkey();
    try {
        Store::create(dir, kOrigin, "admin", "", kPassword);
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("already holds a register"), std::string::npos);
    }
    EXPECT_EQ(Store::open(dir).vkey(), vkey);
    std::filesystem::create_directories(tmp / "other");
    std::ofstream(tmp / "other" / "file") << "x";
    EXPECT_THROW(Store::create(tmp / "other", kOrigin, "admin", "", kPassword), StoreError);
}

// The appliance's /var/lib/massho is a file system of its own, whose top folder holds mkfs's
// empty lost+found: massho init must accept it, and still refuse anything in it.
TEST(Store, CreatesBesideAFileSystemsEmptyLostAndFound) {
    TempDir tmp;
    auto dir = tmp / "data";
    std::filesystem::create_directories(dir / "lost+found");
    Store::create(dir, kOrigin, "admin", "", kPassword);
    EXPECT_EQ(Store::open(dir).signedRegister().size(), 2u);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "lost+found"));

    auto found = tmp / "found";
    std::filesystem::create_directories(found / "lost+found");
    std::ofstream(found / "lost+found" / "#1234") << "recovered";
    EXPECT_THROW(Store::create(found, kOrigin, "admin", "", kPassword), StoreError);
    auto beside = tmp / "beside";
    std::filesystem::create_directories(beside / "lost+found");
    std::ofstream(beside / "notes.txt") << "x";
    EXPECT_THROW(Store::create(beside, kOrigin, "admin", "", kPassword), StoreError);
    EXPECT_FALSE(std::filesystem::exists(beside / "massho.db"));
}

TEST(Store, OpenWithoutRegisterSaysRunInit) {
    TempDir tmp;
    try {
        Store::open(tmp.path());
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "no register in " + tmp.path().string() + ": run massho init first");
    }
}

TEST(Store, FailedCreateLeavesNothingBehind) {
    TempDir tmp;
    EXPECT_THROW(Store::create(tmp / "d", "bad origin", "admin", "", kPassword), UserError);
    EXPECT_THROW(Store::create(tmp / "d", kOrigin, "admin", "", "short"), UserError);
    EXPECT_FALSE(std::filesystem::exists(tmp / "d" / "massho.db"));
    EXPECT_NO_THROW(Store::create(tmp / "d", kOrigin, "admin", "", kPassword));
}
