// A copy of a clearnotice site in a temporary folder, and `clearnotice serve` on it:
// shared by the serve test (tests/browser/serve.mjs) and the latency benchmark
// (benches/serve_latency.mjs).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/// Copies the site at `repo` (site.toml and content/) to a new temporary folder.
export function copySite(repo, prefix) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.copyFileSync(path.join(repo, "site.toml"), path.join(site, "site.toml"));
  fs.cpSync(path.join(repo, "content"), path.join(site, "content"), { recursive: true });
  return site;
}

/// Starts `bin serve` on `site` on a free port; `address` resolves to the preview's
/// address as serve prints it, and rejects if serve exits first.
export function startServe(bin, site, extraArgs = []) {
  const child = spawn(bin, ["serve", "--root", site, "--port", "0", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120000);
    const listen = (chunk) => {
      output += chunk;
      const found = output.match(/Serving the preview at (http:\/\/\S+\/)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    child.on("exit", (code) => reject(new Error(`serve exited (${code}):\n${output}`)));
  });
  return { child, address, log: () => output };
}
