#pragma once
#include "api_support.h"
#include "database.h"

namespace jobcenter {

// Creates every table and index if missing.
void createSchema(Database& db);

// Deletes what no rule needs any more: spent rate events and login failures, old idempotent
// replies, tokens past their absolute lifetime, expired device grants.
void pruneExpired(Database& db, const Policy& policy, Instant now);

// Deletes every row of every table (the reference server's reset between test runs).
void clearAll(Database& db);

}  // namespace jobcenter
