#pragma once
// Route groups of the reference server, one file each.

#include <httplib.h>

#include "api_support.h"
#include "board_feed.h"
#include "database.h"
#include "reference_server.h"

namespace jobcenter {

struct RouteContext {
  Database& db;
  const Policy& policy;
  std::string baseUrl;  // for verification_uri
  const ServerOptions& options;
  const std::string& pinPepper;
  BoardFeed& board;  // told of every change the reception board shows
};

// The logged-in citizen behind a request from a known kiosk, or nullopt after answering 401.
std::optional<Session> citizenRequest(RouteContext& context, const httplib::Request& req, httplib::Response& res);
// A citizen's write: kiosk and session checked, then run at most once per Idempotency-Key.
void citizenWrite(RouteContext& context, const httplib::Request& req, httplib::Response& res,
                  const std::function<void(const Session&)>& write);

void addKioskRoutes(httplib::Server& server, RouteContext& context);
void addAuthRoutes(httplib::Server& server, RouteContext& context);
void addDevicePage(httplib::Server& server, RouteContext& context);
void addCitizenRoutes(httplib::Server& server, RouteContext& context);
void addBookingRoutes(httplib::Server& server, RouteContext& context);
void addActivityRoutes(httplib::Server& server, RouteContext& context);
void addJoblogRoutes(httplib::Server& server, RouteContext& context);
// The reception board's operations, and its pages (/staff, /manager, /fleet) with their assets.
void addBoardRoutes(httplib::Server& server, RouteContext& context);
void addBoardPages(httplib::Server& server, RouteContext& context);
// Managers' figures, the fleet's health, /metrics.
void addFigureRoutes(httplib::Server& server, RouteContext& context);
// Only where the server runs as a demo (ServerOptions::demoPhonePage).
void addDemoRoutes(httplib::Server& server, RouteContext& context);

}  // namespace jobcenter
