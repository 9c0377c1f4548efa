// serve's save → page latency, measured where a person sees it: from writing a
// notice's file to its new text in the DOM of the page open in Chromium (the page
// reloads itself). The site is the real content plus N copies of the general
// notice; the index, feeds and sitemap stay equal to a full build's (tested in
// tests/serve.rs). A benchmark, not a test: it asserts nothing about time.
//
//   cargo build --release
//   node benches/serve_latency.mjs target/release/clearnotice . [N]     # N copies, default 0
//
// Prints the median, fastest and slowest of 20 saves, and the time to the first page.

import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/browser/launch.mjs";
import { copySite, startServe } from "../tests/browser/serve-site.mjs";

const SAVES = 20;
const [bin, repo, copiesArg] = process.argv.slice(2);
const copies = Number(copiesArg || 0);
if (!bin || !repo) {
  console.error("usage: node benches/serve_latency.mjs PATH/TO/clearnotice REPO [COPIES]");
  process.exit(2);
}

const site = copySite(repo, "clearnotice-latency-");
for (let n = 0; n < copies; n++) {
  fs.cpSync(path.join(repo, "content/general"), path.join(site, `content/copy-${String(n).padStart(5, "0")}`), { recursive: true });
}
const file = path.join(site, "content/general/1.0.md");
const original = fs.readFileSync(file, "utf8");

const started = Date.now();
const serve = startServe(bin, site);
const server = serve.child;
const url = await serve.address;
const firstBuild = Date.now() - started;

const browser = await launchChromium();
const latencies = [];
try {
  const page = await browser.newPage();
  // The page notes, by its own clock, the first frame after its new document is
  // ready: that is when the new text is on the screen. (Playwright itself notices
  // the new document up to 100 ms later, so its own wait is not the measure.)
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      requestAnimationFrame(() => {
        window.__shownAt = Date.now();
      });
    });
  });
  await page.goto(`${url}general/`);
  await page.waitForTimeout(500);
  for (let save = 0; save < SAVES; save++) {
    const marker = `Edit number ${save} at ${Date.now()}.`;
    const saved = Date.now();
    fs.writeFileSync(file, `${original.trimEnd()}\n\n${marker}\n`);
    await page.waitForFunction((wanted) => window.__shownAt && document.body.innerText.includes(wanted), marker, {
      timeout: 120000,
    });
    latencies.push((await page.evaluate(() => window.__shownAt)) - saved);
    await page.waitForTimeout(300);
  }
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(site, { recursive: true, force: true });
}

latencies.sort((a, b) => a - b);
const median = (latencies[SAVES / 2 - 1] + latencies[SAVES / 2]) / 2;
console.log(
  `${copies + 2} notices: first build and start ${firstBuild} ms; save → new text in the open page over ${SAVES} saves: ` +
    `median ${median.toFixed(0)} ms, fastest ${latencies[0].toFixed(0)} ms, slowest ${latencies[SAVES - 1].toFixed(0)} ms`,
);
