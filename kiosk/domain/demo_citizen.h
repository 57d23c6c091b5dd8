#pragma once
// An invented citizen of the demo jobcenter, offered on the login screen in place of MitID (only
// a demo server lists them: GET /demo/citizens).

#include <string>

namespace kiosk::domain {

struct DemoCitizen {
  std::string id, firstName;
};

}  // namespace kiosk::domain
