// One small interface over the three browser engines people read the site in, so a
// check is written once and run in each:
//   chromium — Debian's Chromium, driven by playwright-core (launch.mjs);
//   firefox  — Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no
//              geckodriver);
//   webkit   — Debian's WebKitGTK MiniBrowser through its WebDriver (webkit2gtk-driver),
//              spoken to directly over HTTP (classic WebDriver needs nothing more), under
//              Xvfb when there is no display.
// Every browser is the machine's own: nothing is downloaded at run time.
//
//   const tab = await openEngine("firefox", { width: 1280, height: 900 });
//   await tab.goto(url); await tab.waitFor(() => document.title !== ""); await tab.close();
//
// `evaluate` and `waitFor` take a function run in the page with one argument.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { launchChromium } from "./launch.mjs";

export const ENGINES = ["chromium", "firefox", "webkit"];
export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
// Debian puts the MiniBrowser under the machine's own library folder
// (/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/ on x86-64, aarch64-linux-gnu on Arm).
export const MINIBROWSER = process.env.MINIBROWSER || findMiniBrowser();

function findMiniBrowser() {
  for (const lib of fs.existsSync("/usr/lib") ? fs.readdirSync("/usr/lib") : []) {
    const file = `/usr/lib/${lib}/webkit2gtk-4.1/MiniBrowser`;
    if (fs.existsSync(file)) return file;
  }
  return "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}

export async function openEngine(name, viewport) {
  if (name === "chromium") return openChromium(viewport);
  if (name === "firefox") return openFirefox(viewport);
  if (name === "webkit") return openWebKit(viewport);
  throw new Error(`no browser engine called ${name} (known: ${ENGINES.join(", ")})`);
}

// Polls `fn` in the page until it returns something truthy. A reload between two
// polls (the very thing the serve test waits for) makes one poll fail: try again.
async function waitFor(tab, fn, arg, timeout) {
  const deadline = Date.now() + timeout;
  let lastError = null;
  while (Date.now() < deadline) {
    try {
      const value = await tab.evaluate(fn, arg);
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}` + (lastError ? ` (last error: ${lastError.message})` : ""));
}

function withWaitFor(tab) {
  tab.waitFor = (fn, arg, timeout = 20000) => waitFor(tab, fn, arg, timeout);
  return tab;
}

async function openChromium(viewport) {
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport })).newPage();
  return pageTab("chromium", browser.version(), browser, page, (size) => page.setViewportSize(size));
}

async function openFirefox(viewport) {
  if (!fs.existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX)`);
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: FIREFOX,
    headless: true,
    // Firefox's own connections (updates, telemetry, safe browsing) go nowhere here.
    extraPrefsFirefox: { "app.update.enabled": false, "browser.safebrowsing.malware.enabled": false, "browser.safebrowsing.phishing.enabled": false, "datareporting.policy.dataSubmissionEnabled": false, "network.captive-portal-service.enabled": false },
  });
  const page = await browser.newPage();
  await page.setViewport(viewport);
  return pageTab("firefox", await browser.version(), browser, page, (size) => page.setViewport(size));
}

// Playwright's and puppeteer's pages answer to the same calls, but for the viewport's.
function pageTab(name, version, browser, page, resize) {
  return withWaitFor({
    name,
    version,
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    evaluateScript: (source) => page.evaluate(source),
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    resize,
    url: async () => page.url(),
    close: () => browser.close(),
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

async function until(what, test, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await test().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within ${timeout} ms`);
}

// An X display for WebKitGTK, which has no headless mode of its own: the one the
// environment names, else a fresh Xvfb (apt-get install xvfb).
async function display() {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop: () => {} };
  for (let number = 90; number < 140; number++) {
    if (fs.existsSync(`/tmp/.X11-unix/X${number}`) || fs.existsSync(`/tmp/.X${number}-lock`)) continue;
    const xvfb = spawn("Xvfb", [`:${number}`, "-screen", "0", "1920x1200x24", "-nolisten", "tcp"], { stdio: "ignore" });
    xvfb.on("error", () => {});
    await until("Xvfb", async () => {
      if (xvfb.exitCode !== null) throw new Error("Xvfb exited");
      return fs.existsSync(`/tmp/.X11-unix/X${number}`);
    });
    return { name: `:${number}`, stop: () => xvfb.kill() };
  }
  throw new Error("no free X display number for Xvfb");
}

// Keys by the names playwright and puppeteer use, as WebDriver's code points.
const WEBDRIVER_KEYS = { Tab: "\uE004", Enter: "\uE007", Escape: "\uE00C" };

async function openWebKit(viewport) {
  for (const [file, pkg] of [[WEBKIT_DRIVER, "webkit2gtk-driver"], [MINIBROWSER, "libwebkit2gtk-4.1-0"]]) {
    if (!fs.existsSync(file)) throw new Error(`no ${file} (apt-get install ${pkg} xvfb)`);
  }
  const screen = await display();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: screen.name } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const answer = await response.json();
    if (answer.value && answer.value.error) throw new Error(`WebKit: ${answer.value.error}: ${answer.value.message}`);
    return answer.value;
  };
  try {
    await until("WebKitWebDriver", () => fetch(`${base}/status`).then((r) => r.ok));
    const session = await call("POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
    });
    const at = `/session/${session.sessionId}`;
    // The window's outer size: WebDriver has no way to set the viewport alone.
    const resize = (size) => call("POST", `${at}/window/rect`, { width: size.width, height: size.height });
    await resize(viewport);
    const run = (script, args) => call("POST", `${at}/execute/sync`, { script, args });
    return withWaitFor({
      name: "webkit",
      version: session.capabilities.browserVersion,
      goto: (url) => call("POST", `${at}/url`, { url }),
      evaluate: (fn, arg) => run(`return (${fn.toString()})(arguments[0]);`, [arg === undefined ? null : arg]),
      evaluateScript: (source) => run(source, []),
      press: (key) => {
        const value = WEBDRIVER_KEYS[key] ?? key;
        return call("POST", `${at}/actions`, { actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }] });
      },
      click: async (selector) => {
        const element = await call("POST", `${at}/element`, { using: "css selector", value: selector });
        await call("POST", `${at}/element/${Object.values(element)[0]}/click`, {});
      },
      resize,
      url: () => call("GET", `${at}/url`),
      close: async () => {
        await call("DELETE", at).catch(() => {});
        driver.kill();
        screen.stop();
      },
    });
  } catch (error) {
    driver.kill();
    screen.stop();
    throw error;
  }
}
