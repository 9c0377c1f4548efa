// Starts Debian's Chromium (never a downloaded browser) with the flags this machine
// needs: without the background-networking ones, Chromium's own connections are
// refused by the closed network many at a time. Shared by every browser check.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
