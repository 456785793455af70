// Debian's Chromium (`CHROME_PATH` overrides the path), headless, with a profile of its own in a temporary
// folder: the one way every browser check, test and benchmark outside the test runner starts it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** No sandbox (CI runs as root), nothing fetched in the background, nothing that waits for a display. */
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts Chromium; `close()` ends it and removes its profile.
 * @param {{ profilePrefix?: string, protocolTimeout?: number }} [options]
 */
export async function launchChromium(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), options.profilePrefix ?? 'sel-chromium-'));
  try {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      userDataDir: profile,
      args: ARGS,
      ...(options.protocolTimeout !== undefined && { protocolTimeout: options.protocolTimeout }),
    });
    return {
      browser,
      async close() {
        await browser.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
