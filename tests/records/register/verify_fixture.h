#pragma once

// A real data directory with a few entries, plus the raw-SQL tools an insider would use.
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

namespace massho::records::test {

inline const std::string kOrigin = "city.example.jp/massho";
inline const std::string kAdminPassword = "admin-secret-pass-1";

// Appends `count` erasure entries: entry texts "op<k>" make byte edits easy to aim.
inline void appendErasures(Store& store, int count, int first = 0) {
    for (int k = first; k < first + count; ++k)
        store.signedRegister().append(EntryBuilder("erasure")
                                          .set("asset", "op" + std::to_string(k))
                                          .set("by", "admin")
                                          .finish());
}

// Executes SQL as root with the sqlite3 C API, triggers dropped first (an insider with root).
inline void insiderSql(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    std::string all =
        "DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete;"
        "DROP TRIGGER IF EXISTS checkpoints_no_update; DROP TRIGGER IF EXISTS "
        "checkpoints_no_delete;"
        "DROP TRIGGER IF EXISTS tree_nodes_no_update; DROP TRIGGER IF EXISTS "
        "tree_nodes_no_delete;" +
        sql;
    char* err = nullptr;
    int rc = sqlite3_exec(h, all.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(h);
    if (rc != SQLITE_OK) throw std::runtime_error("insider SQL failed: " + message);
}

inline void insiderSetBlob(const std::filesystem::path& db, const std::string& sql,
                           const std::string& blob) {
    insiderSql(db, "");
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
    sqlite3_bind_blob(s, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    sqlite3_close(h);
    if (rc != SQLITE_DONE) throw std::runtime_error("insider update failed");
}

}  // namespace massho::records::test
