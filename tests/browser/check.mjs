// Browser checks for clearnotice output: every HTML page of each site folder given,
// in Debian's Chromium (never a downloaded browser), against
//   - axe-core: WCAG 2.0/2.1/2.2 A and AA rules, plus the AAA enhanced contrast (7:1);
//   - the Nu HTML Checker (vnu.jar on the machine's Java);
//   - reflow: no sideways scrolling at 320 px (WCAG 1.4.10);
//   - the first Tab lands on a visible skip link;
//   - text spacing (WCAG 1.4.12) clips no text;
//   - heading structure: one h1 and no skipped levels (axe files this under
//     best practice, not WCAG, so it is checked here).
// It saves a screenshot at 320 px and 1280 px and an A4 PDF of every page.
//
// Usage: node check.mjs [--artifacts DIR] [--expect FILE] NAME=FOLDER ...
// With --expect, the run passes only if every finding listed in FILE (one
// "page rule" per line) was found: that is the self-test on a broken page.

import { openEngine } from "./engines.mjs";
import { launchChromium } from "./launch.mjs";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VNU_JAR = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_EXTRA_RULES = ["color-contrast-enhanced"];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 720 };

const MIME = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".xml": "application/xml", ".json": "application/json",
  ".txt": "text/plain; charset=utf-8", ".woff2": "font/woff2", ".js": "text/javascript",
};

function parseArgs(argv) {
  const args = { artifacts: null, expect: null, engine: "chromium", sites: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--artifacts") args.artifacts = argv[++i];
    else if (argv[i] === "--engine") args.engine = argv[++i];
    else if (argv[i] === "--expect") args.expect = argv[++i];
    else {
      const [name, folder] = argv[i].includes("=") ? argv[i].split("=") : [path.basename(argv[i]), argv[i]];
      args.sites.push({ name, folder: path.resolve(folder) });
    }
  }
  if (args.sites.length === 0) {
    console.error("usage: node check.mjs [--engine chromium|firefox|webkit] [--artifacts DIR] [--expect FILE] NAME=FOLDER ...");
    process.exit(2);
  }
  return args;
}

function htmlFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) found.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}

// A static server for one folder, on loopback and a free port.
function serve(root) {
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, urlPath);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      const notFound = path.join(root, "404.html");
      res.writeHead(404, { "content-type": MIME[".html"] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// The address an instant-redirect page (meta refresh) leads to, if the page is one.
function redirectTarget(html) {
  const meta = html.match(/<meta\b[^>]*http-equiv=["']?refresh\b[^>]*>/i);
  const url = meta && meta[0].match(/content=["']?0;\s*url=([^"'>\s]+)/i);
  return url ? url[1] : null;
}

function pageUrl(base, file) {
  return base + file.replace(/(^|\/)index\.html$/, "$1");
}

// axe in the open page. `tab` is anything with evaluate(fn, arg) and
// evaluateScript(source): a playwright page here, or an engines.mjs tab.
async function runAxe(tab) {
  await tab.evaluateScript(AXE_SOURCE);
  return tab.evaluate(async ({ tags, extra }) => {
    const rules = window.axe.getRules(tags).map((r) => r.ruleId).concat(extra);
    // The AAA rules are off by default in axe: name them in `rules` to switch them on.
    const enable = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
    const result = await window.axe.run(document, { runOnly: { type: "rule", values: rules }, rules: enable, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      help: v.help,
      elements: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  }, { tags: AXE_TAGS, extra: AXE_EXTRA_RULES });
}

// The widest elements that stick out past the right edge, to say what scrolls.
async function sidewaysScroll(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth + 1) return null;
    const culprits = [...document.body.querySelectorAll("*")]
      // Sticking out on either side: a right-to-left page overflows to the left.
      .filter((el) => { const r = el.getBoundingClientRect(); return r.right > doc.clientWidth + 1 || r.left < -1; })
      .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""))
      .slice(-3);
    return { width: doc.scrollWidth, viewport: doc.clientWidth, culprits };
  });
}

async function firstTab(page) {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const el = document.activeElement;
    // A page that starts with its main content (an email, a letter) has nothing to
    // skip: its first Tab may land in the main content, or nowhere if it has no links.
    const main = document.querySelector("main");
    if (main && main === document.body.firstElementChild && (!el || el === document.body || main.contains(el))) return { ok: true };
    if (!el || el === document.body) return { ok: false, why: "nothing took focus" };
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const href = el.getAttribute("href") || "";
    const target = href.startsWith("#") ? document.getElementById(href.slice(1)) : null;
    const visible = rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.left >= 0 && rect.right <= window.innerWidth && style.visibility !== "hidden" && style.opacity !== "0";
    // A skip link is known by where it goes (the main content), not by its words,
    // which are in the page's language ("Neidio i'r prif gynnwys").
    const isSkip = el.tagName === "A" && target !== null && main !== null && (target === main || main.contains(target)) && el.textContent.trim() !== "";
    const name = el.tagName.toLowerCase() + (href ? `[href="${href}"]` : "");
    if (!isSkip) return { ok: false, why: `the first Tab landed on ${name} "${el.textContent.trim().slice(0, 40)}", not a skip link to the main content` };
    if (!visible) return { ok: false, why: `the skip link ${name} has focus but is not visible` };
    return { ok: true };
  });
}

// WCAG 1.4.12: with the spacing applied, no element may hide text it holds.
async function textSpacingClips(page) {
  await page.addStyleTag({ content: `
    * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }` });
  return page.evaluate(() => {
    const clipped = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (!el.textContent.trim()) continue;
      const style = getComputedStyle(el);
      const hidesX = ["hidden", "clip"].includes(style.overflowX);
      const hidesY = ["hidden", "clip"].includes(style.overflowY);
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1) continue; // not rendered, or text for screen readers only
      if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1)) {
        clipped.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""));
      }
    }
    return clipped.slice(0, 5);
  });
}

async function headingStructure(page) {
  return page.evaluate(() => {
    const problems = [];
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
    const h1s = headings.filter((h) => h.tagName === "H1").length;
    if (h1s !== 1) problems.push({ element: "h1", why: `the page has ${h1s} h1 elements; it needs exactly one` });
    let previous = 0;
    for (const h of headings) {
      const level = Number(h.tagName[1]);
      if (previous && level > previous + 1) problems.push({ element: `${h.tagName.toLowerCase()} "${h.textContent.trim().slice(0, 40)}"`, why: `skips from h${previous} to h${level}` });
      previous = level;
    }
    return problems;
  });
}

// Large-print pages promise a body size (data-large-print-pt); hold them to it, on
// screen and in print: body text, list items, table cells and the footer at least that
// size; nothing italic; nothing justified.
async function largePrintRules(page) {
  return page.evaluate(() => {
    const holder = document.querySelector("[data-large-print-pt]");
    if (!holder) return null;
    const minPx = (Number(holder.dataset.largePrintPt) * 4) / 3;
    const problems = [];
    const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
    const sizes = [];
    for (const el of document.querySelectorAll("main p, main li, main td, main th, main dd, main dt, footer, footer *")) {
      if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      sizes.push(size);
      if (size < minPx - 0.05) problems.push({ rule: "large-print-size", why: `${describe(el)} is ${size}px, below ${minPx.toFixed(1)}px (${holder.dataset.largePrintPt} pt)` });
    }
    for (const el of document.body.querySelectorAll("*")) {
      if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.fontStyle === "italic" || style.fontStyle.startsWith("oblique")) problems.push({ rule: "large-print-italic", why: `${describe(el)} is ${style.fontStyle}` });
      if (style.textAlign === "justify") problems.push({ rule: "large-print-justify", why: `${describe(el)} is justified` });
    }
    return { problems: problems.slice(0, 10), smallest: Math.min(...sizes) };
  });
}

// Easy-read handouts: no point (picture and text) may be split across a page break.
// Each point's text must appear whole on one page of the PDF (pdftotext, per page).
// Right-to-left text comes out of Chromium's PDF in visual order (each line's words
// right to left), wrapped in bidi controls, with lam-alef ligatures taken apart in the
// wrong order ("اإل" for "الإ"). So each right-to-left line's words are put back in
// reading order, and texts are compared by their letters and digits only.
const LAM_ALEF = [["\u0627\u0625\u0644", "\u0627\u0644\u0625"], ["\u0627\u0623\u0644", "\u0627\u0644\u0623"], ["\u0627\u0622\u0644", "\u0627\u0644\u0622"], ["\u0627\u0627\u0644", "\u0627\u0644\u0627"]];
const RIGHT_TO_LEFT = /[\u0590-\u08ff]/;
function lettersOnly(text) {
  return text.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "");
}
function pdfPageLetters(text) {
  const lines = text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").split("\n").map((line) => {
    let out = line;
    for (const [wrong, right] of LAM_ALEF) out = out.split(wrong).join(right);
    return RIGHT_TO_LEFT.test(out) ? out.split(/\s+/).reverse().join(" ") : out;
  });
  return lettersOnly(lines.join("\n"));
}

function splitPoints(pdf, pointTexts) {
  const normalise = lettersOnly;
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  if (info.error) throw new Error(`pdfinfo is needed for the easy-read print check (apt-get install poppler-utils): ${info.error.message}`);
  const pages = Number((info.stdout.match(/Pages:\s+(\d+)/) || [])[1] || 0);
  const texts = [];
  for (let page = 1; page <= pages; page++) {
    const out = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-raw", pdf, "-"], { encoding: "utf8" });
    // Printed pages write link addresses out after the link text; the screen text has none.
    texts.push(pdfPageLetters(out.stdout.replace(/ ?\(https?:[^)]*\)/g, "")));
  }
  return { pages, split: pointTexts.map(normalise).filter((t) => t && !texts.some((page) => page.includes(t))) };
}

// The PDF's first page box must be A4 (595 x 842 pt, within a point or two).
function pdfIsA4(file) {
  const text = fs.readFileSync(file).toString("latin1");
  const box = text.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
  if (!box) return "no /MediaBox in the PDF";
  const [w, h] = [Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])];
  return Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2 ? null : `the PDF page is ${w} x ${h} pt, not A4`;
}

function vnu(root, files) {
  const result = spawnSync("java", ["-jar", VNU_JAR, "--errors-only", "--format", "json", ...files.map((f) => path.join(root, f))], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run the Nu HTML Checker (java -jar vnu.jar): ${result.error.message}`);
  let report;
  try { report = JSON.parse(result.stderr || result.stdout); } catch { throw new Error(`the Nu HTML Checker gave no report: ${result.stderr}`); }
  return report.messages.filter((m) => m.type === "error" || m.subType === "fatal").map((m) => ({
    page: path.relative(root, new URL(m.url).pathname),
    line: m.lastLine, message: m.message,
  }));
}

const measures = [];
// Engines whose window could not be made 320 px wide (see checkSiteInEngine).
const reflowUnchecked = new Set();

// A screenshot for people to look at. A page too big to capture (one a hidden link
// made 160,000 px wide) is already a finding of its own: note it and go on rather
// than stop every check after it.
async function screenshot(page, file) {
  try {
    await page.screenshot({ path: file, fullPage: true });
  } catch (err) {
    console.log(`note: no screenshot ${file}: ${err.message.split("\n")[0]}`);
  }
}

async function checkSite(browser, site, artifacts, findings) {
  const files = htmlFiles(site.folder);
  if (files.length === 0) throw new Error(`${site.name}: no HTML pages in ${site.folder}`);
  const report = (page, rule, detail) => findings.push({ site: site.name, page, rule, detail });

  for (const m of vnu(site.folder, files)) report(m.page, "nu-html-checker", `line ${m.line}: ${m.message}`);

  const server = await serve(site.folder);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    for (const file of files) {
      const url = pageUrl(base, file);
      const redirect = redirectTarget(fs.readFileSync(path.join(site.folder, file), "utf8"));
      if (redirect) {
        // An instant redirect (the current version's own address): the page it leads to
        // is checked in its own right; here it must lead to a page that exists, and
        // the browser must arrive there.
        const target = new URL(redirect, url).href;
        const context = await browser.newContext({ viewport: WIDE });
        const page = await context.newPage();
        const response = await page.goto(target, { waitUntil: "load" });
        if (!response || response.status() !== 200) report(file, "redirect", `leads to ${target}, which answers ${response && response.status()}`);
        await page.goto(url, { waitUntil: "load" });
        await page.waitForURL(target, { timeout: 5000 }).catch(() => report(file, "redirect", `the browser stayed at ${page.url()} instead of going on to ${target}`));
        await context.close();
        measures.push(`${site.name}/${file}: redirects to ${target.slice(base.length - 1)}`);
        continue;
      }
      const shots = artifacts && path.join(artifacts, site.name, file.replace(/\.html$/, ""));
      if (shots) fs.mkdirSync(shots, { recursive: true });

      const wide = await browser.newContext({ viewport: WIDE });
      const page = await wide.newPage();
      await page.goto(url, { waitUntil: "load" });
      if (shots) {
        // Before any Tab press, so the pictures show the page as it first appears.
        await screenshot(page, path.join(shots, "1280.png"));
        await page.pdf({ path: path.join(shots, "page.pdf"), format: "A4", printBackground: true, preferCSSPageSize: true });
        const notA4 = pdfIsA4(path.join(shots, "page.pdf"));
        if (notA4) report(file, "pdf-a4", notA4);
        const points = await page.evaluate(() => [...document.querySelectorAll(".point__text")].map((p) => p.innerText));
        if (points.length) {
          const { pages, split } = splitPoints(path.join(shots, "page.pdf"), points);
          for (const text of split) report(file, "easy-read-row-split", `a point is split across a page break (or missing from the PDF): "${text.slice(0, 60)}"`);
          measures.push(`${site.name}/${file}: easy-read handout of ${pages} A4 pages, ${points.length} points`);
        }
      }
      for (const media of ["screen", "print"]) {
        await page.emulateMedia({ media });
        const large = await largePrintRules(page);
        if (!large) break;
        for (const p of large.problems) report(file, p.rule, `${media}: ${p.why}`);
        measures.push(`${site.name}/${file} (${media}): smallest text ${large.smallest}px`);
      }
      await page.emulateMedia({ media: "screen" });
      const tab = await firstTab(page);
      if (!tab.ok) report(file, "skip-link", tab.why);
      const axeTab = { evaluate: (fn, arg) => page.evaluate(fn, arg), evaluateScript: (content) => page.addScriptTag({ content }) };
      for (const v of await runAxe(axeTab)) report(file, `axe:${v.rule}`, `${v.help} — ${v.elements.join(", ")}`);
      for (const h of await headingStructure(page)) report(file, "heading-structure", `${h.element}: ${h.why}`);
      await wide.close();

      const narrow = await browser.newContext({ viewport: NARROW });
      const small = await narrow.newPage();
      await small.goto(url, { waitUntil: "load" });
      const scroll = await sidewaysScroll(small);
      if (scroll) report(file, "reflow-320", `the page is ${scroll.width}px wide in a ${scroll.viewport}px viewport; sticking out: ${scroll.culprits.join(", ")}`);
      if (shots) await screenshot(small, path.join(shots, "320.png"));
      const clipped = await textSpacingClips(small);
      if (clipped.length) report(file, "text-spacing", `text is clipped with WCAG 1.4.12 spacing in: ${clipped.join(", ")}`);
      const spacedScroll = await sidewaysScroll(small);
      if (spacedScroll && !scroll) report(file, "text-spacing", `with WCAG 1.4.12 spacing the page scrolls sideways: ${spacedScroll.culprits.join(", ")}`);
      await narrow.close();
    }
  } finally {
    server.close();
  }
  return files.length;
}

// The same axe rules (AAA contrast included) and the 320 px reflow check in another
// engine (engines.mjs), on every page but the instant redirects, which Chromium follows.
// Layout and the accessibility tree differ between engines; the rest of the checks
// (Nu, PDFs, text spacing) read the same bytes in any browser.
async function checkSiteInEngine(engine, site, findings) {
  const files = htmlFiles(site.folder);
  if (files.length === 0) throw new Error(`${site.name}: no HTML pages in ${site.folder}`);
  const report = (page, rule, detail) => findings.push({ site: site.name, page, rule, detail });
  const server = await serve(site.folder);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const tab = await openEngine(engine, WIDE);
  let checked = 0;
  let narrowable = true;
  try {
    for (const file of files) {
      if (redirectTarget(fs.readFileSync(path.join(site.folder, file), "utf8"))) continue;
      await tab.resize(WIDE);
      await tab.goto(pageUrl(base, file));
      for (const v of await runAxe(tab)) report(file, `axe:${v.rule}`, `${engine}: ${v.help} — ${v.elements.join(", ")}`);
      checked += 1;
      if (!narrowable) continue;
      await tab.resize(NARROW);
      const narrowed = await tab.waitFor(() => document.documentElement.clientWidth <= 320 && document.readyState === "complete", null, 3000).catch(() => false);
      if (!narrowed) {
        // WebKitGTK's window will not go below about 360 px: a limit of the window,
        // not the page, so reflow is left to the other engines there.
        narrowable = false;
        reflowUnchecked.add(engine);
        measures.push(`${site.name}: reflow at 320 px not checked in ${engine}: its window does not get that narrow`);
        continue;
      }
      const scroll = await sidewaysScroll(tab);
      if (scroll) report(file, "reflow-320", `${engine}: the page is ${scroll.width}px wide in a ${scroll.viewport}px viewport; sticking out: ${scroll.culprits.join(", ")}`);
    }
  } finally {
    await tab.close();
    server.close();
  }
  measures.push(`${site.name}: ${checked} pages in ${engine} (${tab.version})`);
  return checked;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const findings = [];
  let pages = 0;
  if (args.engine === "chromium") {
    const browser = await launchChromium();
    try {
      for (const site of args.sites) pages += await checkSite(browser, site, args.artifacts, findings);
    } finally {
      await browser.close();
    }
  } else {
    for (const site of args.sites) pages += await checkSiteInEngine(args.engine, site, findings);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (args.expect) {
    // Self-test: every expected finding must be there, or the checker is blind.
    // Another engine runs only axe and the reflow check, so only their faults count.
    const checkedThere = (line) => args.engine === "chromium" || /\saxe:\S+$/.test(line) || (/\sreflow-320$/.test(line) && !reflowUnchecked.has(args.engine));
    const expected = fs.readFileSync(args.expect, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#") && checkedThere(l));
    const missing = expected.filter((line) => {
      const [page, rule] = line.split(/\s+/);
      return !findings.some((f) => f.page === page && f.rule === rule);
    });
    for (const f of findings) console.log(`found (as intended) ${f.site}/${f.page} [${f.rule}] ${f.detail}`);
    for (const m of missing) console.log(`MISSED ${m}: the checker did not catch this deliberate fault`);
    console.log(`self-test (${args.engine}): ${expected.length - missing.length} of ${expected.length} deliberate faults caught in ${seconds} s`);
    console.log(`${expected.length - missing.length} passed, ${missing.length} failed`);
    process.exit(missing.length ? 1 : 0);
  }

  for (const m of measures) console.log(`measured ${m}`);
  for (const f of findings) console.log(`FAIL ${f.site}/${f.page} [${f.rule}] ${f.detail}`);
  console.log(`browser checks (${args.engine}): ${pages} pages in ${args.sites.length} sites, ${findings.length} findings, ${seconds} s` + (args.artifacts ? `; screenshots and PDFs in ${args.artifacts}` : ""));
  process.exit(findings.length ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
