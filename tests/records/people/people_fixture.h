#pragma once

// A register with an administrator, operators and data managers, a clock the test moves, and a
// scrypt that counts its calls (still the real scrypt).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/records/people/password_hash.h"
#include "massho/records/people/requests.h"
#include "massho/records/register/signing_key.h"
#include "massho/records/people/users.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

namespace massho::records::test {

inline const std::string kPassword = "Correct-Horse-42";

class PeopleTest : public ::testing::Test {
  protected:
    using KdfCall = std::tuple<unsigned, unsigned, unsigned>;  // logN, r, p

    PeopleTest()
        : db(dir / "massho.db", Database::Mode::Create),
          log(db),
          users(
              db, log, [this] { return now; }, UserPolicy{}, countingKdf()),
          requests(db, log, users, [this] { return now; }) {
        // Since the signed register landed, every append signs a checkpoint.
        log.setSigner("test.example/people", [this]() -> const SigningKey& { return key; });
        users.addInitialAdmin({"admin", "", {Role::Admin}, std::nullopt}, kPassword);
        users.add({"op", "", {Role::Operator}, {}}, kPassword, "admin");
        users.add({"op2", "", {Role::Operator}, {}}, kPassword, "admin");
        users.add({"dm", "", {Role::DataManager}, {}}, kPassword, "admin");
        // Holds both roles: may request and approve, never the same request.
        users.add({"both", "", {Role::Operator, Role::DataManager, Role::Admin}, {}}, kPassword,
                  "admin");
        kdfCalls.clear();
    }

    Kdf countingKdf() {
        return [this](std::string_view pw, std::string_view salt, ScryptParams p, size_t n) {
            kdfCalls.emplace_back(p.logN, p.r, p.p);
            return scrypt(pw, salt, p, n);
        };
    }

    EntryFields lastEntry() { return parseEntry(log.entry(log.size() - 1)); }
    std::string lastKind() { return entryString(lastEntry(), "kind"); }

    // The message of the AuthError that authenticate() throws (fails the test otherwise).
    std::string authFailure(const std::string& id, const std::string& password,
                            AuthPurpose purpose = AuthPurpose::Login) {
        try {
            users.authenticate(id, password, now, purpose);
        } catch (const AuthError& e) {
            return e.what();
        }
        ADD_FAILURE() << "authenticated " << id;
        return "";
    }

    TimePoint now = testTime();
    std::vector<KdfCall> kdfCalls;
    testsupport::TempDir dir;
    SigningKey key = SigningKey::generate("test.example/people");
    Database db;
    Register log;
    Users users;
    Requests requests;
};

}  // namespace massho::records::test
