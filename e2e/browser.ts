import { existsSync } from "node:fs";

/**
 * The Chromium to drive: CHROMIUM_PATH, else a system Chromium (Debian's
 * /usr/bin/chromium), else undefined = Playwright's own browser.
 */
export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
