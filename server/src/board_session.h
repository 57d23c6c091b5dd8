#pragma once
// Staff logged in to the reception board in a browser. The session is a staff token (the same
// table, lifetimes and revocation as a kiosk's staff token) issued to the place "board" and kept
// in a cookie the page's script cannot read (HttpOnly, Secure, SameSite=Strict, __Host-): the
// board's EventSource cannot send an Authorization header, and a token in page storage would be
// any injected script's to take.

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api_support.h"
#include "staff_login.h"

namespace jobcenter {

struct RouteContext;

inline constexpr const char* kBoardPlace = "board";
inline constexpr const char* kBoardCookie = "__Host-staff-board";

// A request a browser made from the board's own pages, or one no browser made (a test, a script):
// a page on another site cannot make staff's browser take or close a call.
bool fromBoardPage(const httplib::Request& req);

void startBoardSession(RouteContext& ctx, httplib::Response& res, const StaffMember& staff);
void endBoardSession(RouteContext& ctx, const httplib::Request& req, httplib::Response& res);
std::string boardToken(const httplib::Request& req);

// The staff member behind the request's board cookie, or nullopt after answering 401 (or 403 for
// a write from elsewhere).
std::optional<StaffMember> boardStaff(RouteContext& ctx, const httplib::Request& req, httplib::Response& res);
// The same, and a manager; otherwise 403.
std::optional<StaffMember> boardManager(RouteContext& ctx, const httplib::Request& req, httplib::Response& res);

nlohmann::json boardStaffJson(const StaffMember& staff, const Policy& policy);

}  // namespace jobcenter
