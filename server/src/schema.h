#pragma once
#include "database.h"

namespace jobcenter {

// Creates every table and index if missing.
void createSchema(Database& db);

}  // namespace jobcenter
