// The live preview as a comms person meets it: `clearnotice serve` on a copy of the
// real site, a notice open in Chromium, and the saves they make. Each step waits for
// what a person would see in the open page (never for the server's event):
//   1. a saved change → the page reloads by itself and shows the new text;
//   2. a broken front-matter → an alert naming the file and line over the last good
//      page, reachable by the keyboard (first Tab) and dismissed with Enter;
//   3. a broken internal link → the alert names the notice's file and line;
//   4. the fix → the alert goes and the fixed text shows;
//   5. a text that only warns (a long easy-read sentence) → the warnings panel names
//      the file and line;
//   6. themes/default/css/base.css made while serving → the page restyles, and
//      again at its next save;
//   7. a handout is made when first asked for;
//   8. site.toml given languages and a Welsh translation saved → the open page's
//      language switch names Cymraeg, its Welsh page shows the Welsh text, and a
//      save of the Welsh text reloads it;
//   9. serve stopped, the notice broken, serve started again → the page opens at once
//      on the last preview (kept on disk by the first start) under the alert naming
//      the file and line; the fix reloads it with the fixed text.
// It prints each step's time from the write to the change in the page. The steps run
// in each engine named (all three by default: Chromium, Firefox, WebKit — see
// engines.mjs), each on its own copy of the site and its own `serve`.
//
// Usage: node serve.mjs PATH/TO/clearnotice REPO [chromium|firefox|webkit ...]

import fs from "node:fs";
import path from "node:path";
import { ENGINES, openEngine } from "./engines.mjs";
import { copySite, startServe } from "./serve-site.mjs";

const WAIT = 20000;
const [bin, repo, ...asked] = process.argv.slice(2);
if (!bin || !repo) {
  console.error("usage: node serve.mjs PATH/TO/clearnotice REPO [chromium|firefox|webkit ...]");
  process.exit(2);
}
const engines = asked.length ? asked : ENGINES;

const failures = [];
let passed = 0;

// Waits until the open page's visible text (overlays included) contains `text`.
const pageShows = (tab, text) => tab.waitFor((wanted) => document.body && document.body.innerText.includes(wanted), text, WAIT);
const overlayText = (tab, id) => tab.evaluate((id) => document.getElementById(id)?.innerText ?? null, id);
const alertText = (tab) => tab.evaluate(() => document.querySelector('[role="alert"]')?.innerText ?? null);
const alertShown = (tab) => tab.waitFor(() => document.querySelector('[role="alert"]')?.innerText, null, WAIT);

async function steps(engine) {
  const site = copySite(repo, "clearnotice-serve-");
  const noticeFile = path.join(site, "content/general/1.0.md");
  const easyReadFile = path.join(site, "content/general/1.0.easy-read.md");
  const original = fs.readFileSync(noticeFile, "utf8");
  const originalEasyRead = fs.readFileSync(easyReadFile, "utf8");
  const server = startServe(bin, site, ["--date", "2026-11-24"]);
  let second = null;
  let tab = null;

  async function step(name, run) {
    const started = Date.now();
    try {
      await run();
      passed += 1;
      console.log(`ok - ${engine}: ${name} (${Date.now() - started} ms from the save to the page)`);
    } catch (error) {
      failures.push(`${engine}: ${name}`);
      console.log(`not ok - ${engine}: ${name}\n  ${String(error.message || error).split("\n").join("\n  ")}`);
    }
  }

  try {
    const url = await server.address;
    tab = await openEngine(engine, { width: 1280, height: 900 });
    console.log(`# ${engine} ${tab.version}`);
    await tab.goto(`${url}general/`);
    await tab.waitFor(() => document.title.length > 0);
    // Let the page's event stream connect before the first save.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await step("a saved change reloads the open page with the new text", async () => {
      const marker = `Saved by the browser test at ${Date.now()}.`;
      fs.writeFileSync(noticeFile, `${original.trimEnd()}\n\n${marker}\n`);
      await pageShows(tab, marker);
    });

    await step("a broken front-matter shows an alert with file and line over the last good page", async () => {
      fs.writeFileSync(noticeFile, original.replace('version = "1.0"', 'version = "1.0'));
      const text = await alertShown(tab);
      if (!/content\/general\/1\.0\.md:\d+:\d+/.test(text)) throw new Error(`the alert does not name the file and line:\n${text}`);
      const body = await tab.evaluate(() => document.querySelector("main").innerText);
      if (!body.includes("Saved by the browser test")) throw new Error("the last good text is gone");
      // Keyboard: the first Tab from the top of the page reaches the alert's button.
      await tab.evaluate(() => document.activeElement && document.activeElement.blur());
      await tab.press("Tab");
      const inAlert = await tab.evaluate(() => !!document.activeElement.closest('[role="alert"]'));
      if (!inAlert) throw new Error("the first Tab does not reach the alert");
      await tab.press("Enter");
      await tab.waitFor(() => !document.querySelector('[role="alert"]'), null, 2000);
    });

    await step("a broken internal link shows an alert naming the notice's file and line", async () => {
      fs.writeFileSync(noticeFile, `${original.trimEnd()}\n\nSee [the part about pets](#pets).\n`);
      const text = await alertShown(tab);
      if (!text.includes('the link "#pets" is broken')) throw new Error(`the alert does not name the link:\n${text}`);
      if (!/content\/general\/1\.0\.md:\d+:\d+/.test(text)) throw new Error(`the alert does not name the file and line:\n${text}`);
    });

    await step("the fix clears the alert and shows the fixed text", async () => {
      const marker = `Fixed by the browser test at ${Date.now()}.`;
      fs.writeFileSync(noticeFile, `${original.trimEnd()}\n\n${marker}\n`);
      await pageShows(tab, marker);
      if ((await alertText(tab)) !== null) throw new Error("the alert is still there");
    });

    await step("a text that only warns shows the warnings panel with file and line", async () => {
      const long = "![A phone](picture:phone) We will phone you on the number that you gave us to check that you are safe and well.";
      fs.writeFileSync(easyReadFile, `${originalEasyRead.trimEnd()}\n\n${long}\n`);
      await tab.waitFor(() => (document.getElementById("clearnotice-warnings")?.innerText ?? "").includes("1.0.easy-read.md:"), null, WAIT);
      const panel = await overlayText(tab, "clearnotice-warnings");
      if (!/content\/general\/1\.0\.easy-read\.md:\d+:\d+/.test(panel)) throw new Error(`the panel does not name the file and line:\n${panel}`);
      const role = await tab.evaluate(() => document.getElementById("clearnotice-warnings").getAttribute("role"));
      if (role !== "status") throw new Error(`the warnings panel has role ${role}, not status (announced politely)`);
      if ((await alertText(tab)) !== null) throw new Error("a warning is shown as an error");
    });

    await step("a stylesheet made in themes/default/ while serving restyles the page", async () => {
      const before = await tab.evaluate(() => getComputedStyle(document.querySelector("h1")).outlineStyle);
      if (before === "dashed") throw new Error("the page already has the style the test adds");
      const css = fs.readFileSync(path.join(repo, "themes/default/css/base.css"), "utf8");
      fs.mkdirSync(path.join(site, "themes/default/css"), { recursive: true });
      fs.writeFileSync(path.join(site, "themes/default/css/base.css"), `${css}\nh1 { outline: 3px dashed #0b0c0c; }\n`);
      await tab.waitFor(() => getComputedStyle(document.querySelector("h1")).outlineStyle === "dashed", null, WAIT);
      // A second save inside the new folder: seen only if the folder itself is watched.
      await new Promise((resolve) => setTimeout(resolve, 300));
      fs.writeFileSync(path.join(site, "themes/default/css/base.css"), `${css}\nh1 { outline: 3px dotted #0b0c0c; }\n`);
      await tab.waitFor(() => getComputedStyle(document.querySelector("h1")).outlineStyle === "dotted", null, WAIT);
    });

    await step("a handout linked from the page is made when it is first asked for, then the link gives its size", async () => {
      const [before, href] = await tab.evaluate(() => {
        const link = document.querySelector('a[href$="general-easy-read.pdf"]');
        return [link.innerText.trim(), link.href];
      });
      if (before !== "Download the easy-read leaflet (PDF)") throw new Error(`made before it was asked for: ${before}`);
      // Asked for by the page's own address, as the browser's download would.
      const response = await fetch(href);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${href}: status ${response.status}`);
      if (response.headers.get("content-type") !== "application/pdf") throw new Error(`${href}: ${response.headers.get("content-type")}`);
      if (body.subarray(0, 5).toString() !== "%PDF-") throw new Error(`${href} is not a PDF`);
      // The next save of the notice finds it made: the link now says pages and size.
      fs.writeFileSync(noticeFile, `${original.trimEnd()}\n\nSaved after the leaflet was made.\n`);
      await tab.waitFor(() => /Download the easy-read leaflet \(PDF, \d+ pages?, [\d.]+ [KM]B\)/.test(document.body.innerText), null, WAIT);
    });

    await step("a Welsh translation saved while serving gets its own page, linked in Welsh from the open page", async () => {
      // Test words, not a translation of the notice: only the language matters here.
      const siteToml = path.join(site, "site.toml");
      fs.writeFileSync(siteToml, fs.readFileSync(siteToml, "utf8").replace(/^language = .*$/m, 'languages = ["en-GB", "cy"]'));
      fs.writeFileSync(
        path.join(site, "content/general/1.0.cy.md"),
        '+++\ntitle = "Hysbysiad prawf"\nservice = "Gwasanaeth prawf"\n+++\n\n## Prawf\n\nTestun prawf yn Gymraeg.\n',
      );
      const switchText = await tab.waitFor(() => document.querySelector('nav.language-switch a[hreflang="cy"]')?.innerText, null, WAIT);
      if (switchText.trim() !== "Cymraeg") throw new Error("the switch does not name Welsh in Welsh");
      await tab.click('nav.language-switch a[hreflang="cy"]');
      await pageShows(tab, "Testun prawf yn Gymraeg.");
      const lang = await tab.evaluate(() => document.documentElement.lang);
      if (lang !== "cy") throw new Error(`the Welsh page says lang="${lang}"`);
      const at = await tab.url();
      if (!at.endsWith("/cy/general/")) throw new Error(`the Welsh page is at ${at}`);
      // A save of the Welsh text reloads the open Welsh page.
      await new Promise((resolve) => setTimeout(resolve, 500));
      fs.writeFileSync(
        path.join(site, "content/general/1.0.cy.md"),
        '+++\ntitle = "Hysbysiad prawf"\nservice = "Gwasanaeth prawf"\n+++\n\n## Prawf\n\nTestun prawf newydd.\n',
      );
      await pageShows(tab, "Testun prawf newydd.");
    });

    await step("a second start opens the last preview at once, under the alert while the site is broken; the fix reloads it", async () => {
      // The first start keeps its preview on disk in the background.
      const list = path.join(site, ".public.clearnotice-preview.clearnotice-files");
      for (let waited = 0; !fs.existsSync(list); waited += 100) {
        if (waited > WAIT) throw new Error("the first start kept no preview");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => { server.child.once("exit", resolve); server.child.kill(); });
      fs.writeFileSync(noticeFile, original.replace('version = "1.0"', 'version = "1.0'));
      second = startServe(bin, site, ["--date", "2026-11-24"]);
      const url = await second.address;
      // (No check of the terminal here: what the page shows is what counts.)
      await tab.goto(`${url}general/`);
      const text = await alertShown(tab);
      if (!/content\/general\/1\.0\.md:\d+:\d+/.test(text)) throw new Error(`the alert does not name the file and line:\n${text}`);
      const heading = await tab.evaluate(() => document.querySelector("main h1")?.innerText ?? "");
      const title = original.match(/^title = "(.*)"$/m)[1];
      if (!heading.includes(title)) throw new Error(`the last preview's page is not under the alert: its heading is "${heading}"`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const marker = `Fixed after a second start at ${Date.now()}.`;
      fs.writeFileSync(noticeFile, `${original.trimEnd()}\n\n${marker}\n`);
      await pageShows(tab, marker);
      if ((await alertText(tab)) !== null) throw new Error("the alert is still there");
    });
  } catch (error) {
    failures.push(`${engine}: could not start`);
    console.log(`not ok - ${engine}: could not start\n  ${error.message}`);
  } finally {
    if (tab) await tab.close();
    server.child.kill();
    if (second) second.child.kill();
    fs.rmSync(site, { recursive: true, force: true });
  }
  if (failures.some((f) => f.startsWith(`${engine}:`))) {
    console.log(`--- serve's output (${engine}) ---\n${server.log()}`);
    if (second) console.log(`--- the second start's output (${engine}) ---\n${second.log()}`);
  }
}

for (const engine of engines) await steps(engine);

console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
