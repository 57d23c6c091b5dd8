#!/usr/bin/python3
"""The reception board in a real browser (issue 15): Debian's Chromium driven by Selenium.

jobcenter-sim runs as its own process; the real kiosk runs as another, configured for it, with a
script that asks for an interpreter and then waits for the name of whoever is coming. The test
logs in on /staff as a staff member, sees the kiosk's call arrive without reloading, takes it,
and the kiosk's access tree must then say who is on the way. A check-in appears the same way.
The page is checked for accessibility by its own rules: every control labelled, every text
colour at 4.5:1 or more against its background, a visible focus that follows the page's order,
and no sideways scrolling at desk (1366x768) and tablet (800x1280) sizes.

Usage: board_browser_test.py <case> <jobcenter-sim> <kiosk> <source dir> [--screenshots]
  case: staff-board | manager-figures
  --screenshots: also save the pages as docs/screenshots/staff-board.png and manager-figures.png
"""

import json
import os
import re
import shutil
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ADMIN_PIN_HASH = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Sim:
    """jobcenter-sim on a free port, demo data, no client certificates (a browser has none)."""

    def __init__(self, program, directory):
        self.directory = directory
        self.process = subprocess.Popen(
            [program, "--port", "0", "--db", os.path.join(directory, "jobcenter.sqlite"), "--seed", "demo",
             "--cert-dir", os.path.join(directory, "tls"), "--pin-pepper-file", os.path.join(directory, "pepper")],
            stdout=subprocess.PIPE, text=True)
        self.base = self.pin = None
        deadline = time.time() + 20
        while (self.base is None or self.pin is None) and time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith("jobcenter-sim listening on "):
                self.base = line.split("listening on ", 1)[1].strip()
            if line.startswith("public key pin: "):
                self.pin = line.split(": ", 1)[1].strip()
        check(self.base and self.pin, "jobcenter-sim did not start")
        self.ca = os.path.join(directory, "tls", "ca.pem")

    def kiosk_post(self, path, body, kiosk="browser-test-kiosk"):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-Kiosk-Id": kiosk})
        context = ssl.create_default_context(cafile=self.ca)
        with urllib.request.urlopen(request, context=context, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"null")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def start_kiosk(program, sim, directory, steps):
    """The real kiosk as its own process, configured for this jobcenter-sim, running a script."""
    config = {
        "kioskId": "demo-kiosk",
        "placeName": "Stueetagen, ved indgangen",
        "bookingSystem": {"baseUrl": sim.base, "caFile": "tls/ca.pem", "pins": [sim.pin]},
        "languages": ["da", "en", "ar", "uk"],
        "adminPinHash": ADMIN_PIN_HASH,
        "usageFigures": {"send": False},
    }
    with open(os.path.join(directory, "kiosk.json"), "w") as f:
        json.dump(config, f)
    with open(os.path.join(directory, "steps.json"), "w") as f:
        json.dump({"steps": steps}, f)
    return subprocess.Popen([program, "--config", os.path.join(directory, "kiosk.json"), "--backend", "headless",
                             "--script", os.path.join(directory, "steps.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def chromium():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 # jobcenter-sim's throwaway loopback CA is not in Chromium's store.
                 "--ignore-certificate-errors", "--window-size=1366,768", "--lang=da"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def wait(driver, condition, seconds, what):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: condition(d))
    except Exception:
        raise Failure("timed out waiting for " + what)


# Run in the page: what an accessibility reviewer checks first.
ACCESSIBILITY = r"""
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(Number); return {rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1}; };
const background = (el) => { for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c.rgb; } return [255, 255, 255]; };
const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden]'); };
const problems = [];
const colours = new Set();
for (const el of document.querySelectorAll('body *')) {
  if (!visible(el) || el.classList.contains('visually-hidden')) continue;
  const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!text) continue;
  const s = getComputedStyle(el);
  const fg = parse(s.color).rgb, bg = background(el);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  const ratio = (hi + 0.05) / (lo + 0.05);
  const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
  colours.add(s.color + ' on rgb(' + bg.join(', ') + ')');
  if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' of "' + el.textContent.trim().slice(0, 40) + '"');
}
for (const el of document.querySelectorAll('button, input, select, textarea, a[href]')) {
  if (!visible(el)) continue;
  const labelled = (el.labels && el.labels.length && el.labels[0].textContent.trim()) || el.getAttribute('aria-label') ||
                   (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))) ||
                   (el.tagName !== 'INPUT' && el.textContent.trim());
  if (!labelled) problems.push('no label: ' + el.outerHTML.slice(0, 80));
}
if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) problems.push('scrolls sideways at ' + innerWidth + ' px');
if (!document.documentElement.lang) problems.push('no page language');
return {problems, colours: [...colours]};
"""

# Controls named by id or text and their place in the page, so two "Tallene som tabel" differ.
CONTROLS = "const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex=\"0\"]')];" \
           "const nameOf = (el) => (el.id || el.textContent.trim() || el.name) + ' #' + all.indexOf(el);"

FOCUSABLE = CONTROLS + r"""
return all.filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.disabled && !el.closest('[hidden]'); })
  .map(nameOf);
"""

ACTIVE = CONTROLS + r"""
const el = document.activeElement;
const s = getComputedStyle(el);
return {name: nameOf(el), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
"""


def check_accessibility(driver, page):
    for width, height in ((1366, 768), (800, 1280)):
        driver.set_window_size(width, height)
        found = driver.execute_script(ACCESSIBILITY)
        check(not found["problems"], f"{page} at {width}x{height}: " + "; ".join(found["problems"]))
    driver.set_window_size(1366, 768)
    # Keyboard only: from the skip link (the page's first control), Tab goes through every control
    # in the page's order, each with a visible focus.
    expected = driver.execute_script(FOCUSABLE)
    check(expected and expected[0].startswith("Spring til indholdet"), f"{page}: the skip link should come first: {expected}")
    driver.execute_script("window.scrollTo(0, 0); document.querySelector('.skip').focus();")
    order = []
    # A date field is several Tab stops (day, month, year): a control counts once however many.
    for _ in range(4 * len(expected)):
        active = driver.execute_script(ACTIVE)
        check(active["outline"], f"{page}: no visible focus on {active['name'][:60]}")
        if not order or order[-1] != active["name"]:
            order.append(active["name"])
        if len(order) == len(expected):
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    check(order == expected, f"{page}: focus order {order} is not the page's order {expected}")


def staff_board(sim_program, kiosk_program, source, screenshots):
    directory = tempfile.mkdtemp(prefix="board-browser-")
    sim = kiosk = driver = None
    started = time.time()
    try:
        sim = Sim(sim_program, directory)
        driver = chromium()
        driver.get(sim.base + "/staff")
        wait(driver, lambda d: d.find_element(By.ID, "staff-number").is_displayed(), 10, "the login form")
        check_accessibility(driver, "/staff login")
        driver.find_element(By.ID, "staff-number").send_keys("S1001")
        driver.find_element(By.ID, "pin").send_keys("0000", Keys.ENTER)
        wait(driver, lambda d: "Forkert" in d.find_element(By.ID, "login-status").text, 10, "the wrong-PIN message")
        driver.find_element(By.ID, "pin").send_keys("1357", Keys.ENTER)
        wait(driver, lambda d: "Opdateres" in d.find_element(By.ID, "connection").text, 10, "the live board")

        on_the_way = "Birgitte er på vej hen til dig. Bliv her."
        tree = os.path.join(directory, "tree.json")
        kiosk = start_kiosk(kiosk_program, sim, directory, [
            {"tap": "attract.touch_to_start"}, {"tap": "language.da"}, {"tap": "bar.help"}, {"wait_for": "help"},
            {"tap": "help.interpreter"}, {"expect": {"key": "help.coming"}, "timeout_ms": 5000},
            {"expect": {"key": "help.on_the_way", "text": on_the_way}, "timeout_ms": 30000},
            {"dump_ui": tree}])
        url_before = driver.current_url
        card = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#calls li.card"), 20, "the kiosk's call on the board")[0]
        check(driver.current_url == url_before, "the page reloaded")
        text = card.text
        for expected in ("Tolk (dansk)", "Stueetagen, ved indgangen", "Ingen er på vej endnu"):
            check(expected in text, f"the call card lacks {expected!r}: {text!r}")
        sim.kiosk_post("/api/v1/check-ins", {"booking_code": "DEMO0TDY"})
        arrival = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#arrivals li.card"), 10, "the check-in on the board")[0]
        check(re.search(r"Olena [A-ZÆØÅ]\.", arrival.text), f"the arrival should name Olena and an initial: {arrival.text!r}")
        check_accessibility(driver, "/staff board")
        if screenshots:
            driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
            driver.save_screenshot(os.path.join(source, "docs", "screenshots", "staff-board.png"))

        # The lists are drawn anew on every change: find the button again rather than keep the card.
        driver.find_element(By.CSS_SELECTOR, "#calls [data-action=take]").click()
        wait(driver, lambda d: "Birgitte er på vej" in d.find_element(By.CSS_SELECTOR, "#calls li.card").text, 10, "the call marked taken")
        output, _ = kiosk.communicate(timeout=40)
        check(kiosk.returncode == 0, "the kiosk's script failed:\n" + output)
        with open(tree) as f:
            check(on_the_way in f.read(), "the kiosk's access tree does not say who is on the way")

        driver.find_element(By.CSS_SELECTOR, "#calls [data-action=handled]").click()
        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "#calls li.card"), 10, "the handled call leaving the board")
        # The card that had focus left: focus is on the list's heading, not lost to the page.
        check(driver.switch_to.active_element.get_attribute("id") == "calls-title", "focus was lost when the call left")
        driver.find_element(By.CSS_SELECTOR, "#arrivals [data-action=received]").click()
        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "#arrivals li.card"), 10, "the received arrival leaving")
        print(f"staff board: passed in {time.time() - started:.1f} s")
    finally:
        if kiosk and kiosk.poll() is None:
            kiosk.kill()
        if driver:
            driver.quit()
        if sim:
            sim.stop()
        shutil.rmtree(directory, ignore_errors=True)


def scripted_day(database, today):
    """12 sessions at nine and 7 at ten; 10 chose Danish, 3 Arabic (a cell that must show "< 5")."""
    db = sqlite3.connect(database, timeout=10)
    rows = ([("session_started", "09", None)] * 12 + [("session_started", "10", None)] * 7 +
            [("language_chosen", "09", "da")] * 10 + [("language_chosen", "10", "ar")] * 3)
    offset = time.strftime("%z")
    offset = offset[:3] + ":" + offset[3:]
    db.executemany("INSERT INTO usage_events(kiosk_id, hour, type, language) VALUES('k1', ?, ?, ?)",
                   [(f"{today}T{hour}:00:00{offset}", kind, language) for kind, hour, language in rows])
    db.commit()
    db.close()


def manager_figures(sim_program, kiosk_program, source, screenshots):
    directory = tempfile.mkdtemp(prefix="manager-browser-")
    sim = driver = None
    started = time.time()
    try:
        sim = Sim(sim_program, directory)
        os.environ.setdefault("TZ", "Europe/Copenhagen")
        time.tzset()
        today = time.strftime("%Y-%m-%d")
        scripted_day(os.path.join(directory, "jobcenter.sqlite"), today)
        driver = chromium()
        driver.get(sim.base + "/manager")
        wait(driver, lambda d: d.find_element(By.ID, "staff-number").is_displayed(), 10, "the login form")
        driver.find_element(By.ID, "staff-number").send_keys("S1002")
        driver.find_element(By.ID, "pin").send_keys("2468", Keys.ENTER)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#figure-sessions_per_hour svg"), 10, "the figures")
        cells = lambda figure: driver.execute_script(
            "return [...document.querySelectorAll(arguments[0] + ' td')].map((td) => td.dataset.value);", f"#figure-{figure}")
        check(cells("sessions_per_hour") == ["12", "7"], f"sessions per hour: {cells('sessions_per_hour')}")
        check(cells("sessions_per_day") == ["19"], f"sessions per day: {cells('sessions_per_day')}")
        check(cells("languages") == ["10", "< 5"], f"languages: {cells('languages')}")
        chart = driver.find_element(By.CSS_SELECTOR, "#figure-languages svg").get_attribute("textContent")
        check("< 5" in chart and "3" not in chart.replace("< 5", ""), f"the languages chart shows a small count: {chart!r}")
        check_accessibility(driver, "/manager")
        if screenshots:
            driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
            driver.save_screenshot(os.path.join(source, "docs", "screenshots", "manager-figures.png"))
        print(f"manager figures: passed in {time.time() - started:.1f} s")
    finally:
        if driver:
            driver.quit()
        if sim:
            sim.stop()
        shutil.rmtree(directory, ignore_errors=True)


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    case, sim_program, kiosk_program, source = sys.argv[1:5]
    screenshots = "--screenshots" in sys.argv
    try:
        {"staff-board": staff_board, "manager-figures": manager_figures}[case](sim_program, kiosk_program, source, screenshots)
    except Failure as failure:
        print("FAILED:", failure)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
