#pragma once
// The demo jobcenter's invented citizens, whom the login screen offers in place of MitID: asked
// of the demo server over its API (GET /demo/citizens), like everything else the kiosk knows.

#include "kiosk/api/http_client.h"
#include "kiosk/app/citizen_session.h"
#include "kiosk/result.h"

namespace kiosk::app {

// Waits for the answer, so call it at start-up, before the UI exists: no frame waits on it.
// A server that is not a demo answers 404, which is a failure like any other here.
Result<CitizenSession::DemoCitizens> fetchDemoCitizens(api::HttpClient& client);

}  // namespace kiosk::app
