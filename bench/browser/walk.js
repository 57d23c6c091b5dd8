// With ?walk in the address, each page moves on to the next after a second, so that a browser
// kiosk started on attract.html?walk shows every page once and stays on the menu (scripts/bench).
(function () {
  if (!location.search.includes("walk")) return;
  const order = ["attract.html", "home.html", "book-time.html", "menu.html"];
  const here = order.indexOf(location.pathname.split("/").pop());
  if (here >= 0 && here + 1 < order.length) setTimeout(() => { location.href = order[here + 1] + "?walk"; }, 1000);
})();
