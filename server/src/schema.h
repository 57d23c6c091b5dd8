#pragma once
#include "database.h"

namespace jobcenter {

// Creates every table and index if missing.
void createSchema(Database& db);

// Deletes every row of every table (the reference server's reset between test runs).
void clearAll(Database& db);

}  // namespace jobcenter
