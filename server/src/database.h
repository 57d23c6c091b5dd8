#pragma once
// A small SQLite wrapper: one connection in WAL mode, every unit of work one IMMEDIATE
// transaction under a mutex. The reference server values being obviously correct over
// throughput; a slot can be booked once because of a unique index, not because of timing.

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace jobcenter {

struct DbError : std::runtime_error {
  using std::runtime_error::runtime_error;
  int code = 0;
  DbError(const std::string& what, int c) : std::runtime_error(what), code(c) {}
  bool constraint() const { return (code & 0xFF) == SQLITE_CONSTRAINT; }
};

using Value = std::variant<std::nullptr_t, int64_t, double, std::string>;

class Row {
 public:
  explicit Row(sqlite3_stmt* stmt) : stmt_(stmt) {}
  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string text(int column) const;
  std::optional<std::string> optionalText(int column) const;
  bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_;
};

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(const std::vector<Value>& values);
  bool step();  // true while there is a row
  Row row() const { return Row(stmt_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Inside a transaction: run statements.
class Tx {
 public:
  explicit Tx(sqlite3* db) : db_(db) {}
  void exec(const std::string& sql, const std::vector<Value>& values = {});
  // Calls each for every row.
  void query(const std::string& sql, const std::vector<Value>& values, const std::function<void(const Row&)>& each);
  std::optional<int64_t> queryInt(const std::string& sql, const std::vector<Value>& values = {});
  int changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_;
};

class Database {
 public:
  explicit Database(const std::string& path);  // ":memory:" for a throwaway database
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs work in one BEGIN IMMEDIATE transaction; rolls back if it throws.
  template <typename Work>
  auto transaction(Work&& work) -> decltype(work(std::declval<Tx&>())) {
    std::lock_guard lock(mutex_);
    Tx tx(db_);
    tx.exec("BEGIN IMMEDIATE");
    try {
      if constexpr (std::is_void_v<decltype(work(tx))>) {
        work(tx);
        tx.exec("COMMIT");
      } else {
        auto result = work(tx);
        tx.exec("COMMIT");
        return result;
      }
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

 private:
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace jobcenter
