"""Loads a page in Debian's headless Chromium at a given viewport width, as a phone or a desktop
shows it, and reports what a reader would see go wrong in its layout, as JSON:

- an element wider than the viewport, unless it lies inside a horizontal scroll container that a
  keyboard can reach (tabindex="0") and that is labelled (aria-label or aria-labelledby);
- a table cell whose text overflows it (clipped or spilling over its neighbours);
- a word broken across two lines between two letters or digits (a break after a hyphen, slash or
  other punctuation is where a reader expects one).

It also saves a screenshot of the page (at most MAX_HEIGHT pixels tall) for a person to look at.
Chromium's command-line --window-size cannot go below 500 pixels, so the viewport is set through
the DevTools protocol (Emulation.setDeviceMetricsOverride), spoken over --remote-debugging-pipe:
standard library only.

Usage: /usr/bin/python3 browser_layout.py CHROMIUM PAGE WIDTH HEIGHT SCREENSHOT.png PROFILE_DIR
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import time

MAX_HEIGHT = 8000

CHECK = r"""
(function () {
  var vw = document.documentElement.clientWidth;
  var problems = [];
  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    var t = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);
    return s + " \"" + t + "\"";
  }
  function scroller(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      var ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll") return p;
    }
    return null;
  }
  var checked = new Set();
  var all = document.body.getElementsByTagName("*");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    var parent = el.parentElement;
    if (r.right > vw + 1) {
      var sc = scroller(el);
      // Only the outermost element that sticks out: its children follow it.
      if (!sc && parent && parent !== document.body && parent.getBoundingClientRect().right > vw + 1) continue;
      if (!sc) {
        problems.push("wider than the viewport (" + Math.round(r.right) + " > " + vw + " px): " + describe(el));
      } else if (!checked.has(sc)) {
        checked.add(sc);
        if (sc.getBoundingClientRect().right > vw + 1) problems.push("scroll container wider than the viewport: " + describe(sc));
        if (sc.getAttribute("tabindex") !== "0") problems.push("scroll container a keyboard cannot reach (no tabindex=\"0\"): " + describe(sc));
        if (!sc.getAttribute("aria-label") && !sc.getAttribute("aria-labelledby")) problems.push("scroll container without a label: " + describe(sc));
      }
    }
    if ((el.tagName === "TD" || el.tagName === "TH") && el.scrollWidth > el.clientWidth + 1) {
      problems.push("text overflows its cell (" + el.scrollWidth + " > " + el.clientWidth + " px): " + describe(el));
    }
  }
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var range = document.createRange();
  var node;
  while ((node = walker.nextNode())) {
    var text = node.data;
    if (text.trim().length < 2 || !node.parentElement) continue;
    range.selectNodeContents(node);
    if (range.getClientRects().length < 2) continue;
    var lastTop = null;
    for (var k = 0; k < text.length; k++) {
      if (/\s/.test(text[k])) { lastTop = null; continue; }
      range.setStart(node, k);
      range.setEnd(node, k + 1);
      var rects = range.getClientRects();
      if (!rects.length) continue;
      var top = rects[0].top;
      if (lastTop !== null && top > lastTop + 2 && /[\p{L}\p{N}]/u.test(text[k - 1]) && /[\p{L}\p{N}]/u.test(text[k])) {
        var start = text.lastIndexOf(" ", k) + 1, end = text.indexOf(" ", k);
        problems.push("word broken mid-word: \"" + text.slice(start, end < 0 ? text.length : end) + "\" in " + describe(node.parentElement));
      }
      lastTop = top;
    }
  }
  return JSON.stringify({viewport: vw, documentWidth: document.documentElement.scrollWidth, problems: problems});
})()
"""


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 (commands) and 4 (answers)."""

    def __init__(self, chromium, profile):
        to_chromium_read, self.to_chromium = os.pipe()
        self.from_chromium, from_chromium_write = os.pipe()
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": profile,
               "XDG_CONFIG_HOME": profile + "/.config", "XDG_CACHE_HOME": profile + "/.cache"}

        def descriptors():
            # Out of the way first, so that neither end is overwritten by the other's dup2.
            commands = fcntl.fcntl(to_chromium_read, fcntl.F_DUPFD, 10)
            answers = fcntl.fcntl(from_chromium_write, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + profile + "/profile", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
             "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(profile + "/chromium.log", "w"),
            pass_fds=(to_chromium_read, from_chromium_write, 3, 4), preexec_fn=descriptors, env=env)
        os.close(to_chromium_read)
        os.close(from_chromium_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chromium, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(method + ": " + json.dumps(answer["error"]))
                return answer.get("result", {})
            self.events.append(answer)

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chromium, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            self.events.append(self.receive())
        raise RuntimeError("no " + method + " within %d s" % timeout)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    chromium, page, width, height, screenshot, profile = sys.argv[1:7]
    width, height = int(width), int(height)
    os.makedirs(profile, exist_ok=True)
    browser = Browser(chromium, profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        # A phone: the page's viewport meta applies, scrollbars overlay the content.
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700},
                     session=session)
        browser.send("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=session)
        browser.wait_for("Page.loadEventFired", session)
        result = browser.send("Runtime.evaluate", {"expression": CHECK, "returnByValue": True}, session=session)
        report = json.loads(result["result"]["value"])
        metrics = browser.send("Page.getLayoutMetrics", session=session)
        full = int(metrics["cssContentSize"]["height"])
        shot = browser.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT), "scale": 1}}, session=session)
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(json.dumps(report))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
