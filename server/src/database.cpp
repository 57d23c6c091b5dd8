#include "database.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace jobcenter {

std::string Row::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Row::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) throw DbError(std::string("prepare: ") + sqlite3_errmsg(db) + " in: " + sql, rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(const std::vector<Value>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    const int at = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) sqlite3_bind_null(stmt_, at);
          else if constexpr (std::is_same_v<T, int64_t>) sqlite3_bind_int64(stmt_, at, v);
          else if constexpr (std::is_same_v<T, double>) sqlite3_bind_double(stmt_, at, v);
          else sqlite3_bind_text(stmt_, at, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        },
        values[i]);
  }
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw DbError(sqlite3_errmsg(db_), sqlite3_extended_errcode(db_));
}

void Tx::exec(const std::string& sql, const std::vector<Value>& values) {
  Statement statement(db_, sql);
  statement.bind(values);
  while (statement.step()) {
  }
}

void Tx::query(const std::string& sql, const std::vector<Value>& values, const std::function<void(const Row&)>& each) {
  Statement statement(db_, sql);
  statement.bind(values);
  while (statement.step()) each(statement.row());
}

std::optional<int64_t> Tx::queryInt(const std::string& sql, const std::vector<Value>& values) {
  std::optional<int64_t> result;
  query(sql, values, [&](const Row& row) {
    if (!result && !row.isNull(0)) result = row.integer(0);
  });
  return result;
}

namespace {

// The database holds CPR numbers and job logs: readable by the server's own user only. Created
// here with mode 0600 (no symlink followed) before SQLite opens it; SQLite gives its -wal and
// -shm files the same mode as the database.
void ownerOnly(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw DbError("cannot open " + path + " (a symbolic link is not followed)", SQLITE_CANTOPEN);
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) throw DbError("cannot make " + path + " readable by its owner only", SQLITE_PERM);
  for (const char* suffix : {"-wal", "-shm"}) ::chmod((path + suffix).c_str(), 0600);
}

}  // namespace

Database::Database(const std::string& path) {
  ownerOnly(path);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DbError("cannot open " + path + ": " + why, rc);
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
}

Database::~Database() { sqlite3_close(db_); }

}  // namespace jobcenter
