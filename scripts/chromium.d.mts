import type { Browser } from 'puppeteer-core';

export interface LaunchedChromium {
  browser: Browser;
  /** Ends the browser and removes its profile. */
  close(): Promise<void>;
}

export function launchChromium(options?: {
  profilePrefix?: string;
  protocolTimeout?: number;
}): Promise<LaunchedChromium>;
