/**
 * The network profiles of Chrome DevTools' throttling menu, applied with the DevTools protocol's
 * `Network.emulateNetworkConditions` (latency in ms, throughputs in bytes per second).
 *
 * The values are DevTools' own, as defined in devtools-frontend, `front_end/core/sdk/NetworkManager.ts`
 * (https://source.chromium.org/chromium/chromium/src/+/main:third_party/devtools-frontend/src/front_end/core/sdk/NetworkManager.ts):
 * a nominal link multiplied by DevTools' adjustment factors (latency x 3.75 for 3G, x 2.75 for 4G; throughput
 * x 0.9), because Chromium's emulation throttles each request, not the packets of a real link. DevTools
 * today calls « Fast 3G » « 3G » / « Slow 4G » (the same numbers); puppeteer-core's
 * `PredefinedNetworkConditions` carries the same values.
 *
 * These presets are network only: DevTools sets CPU throttling separately, and this benchmark applies none,
 * so the CPU cost is this machine's (two shared cores), not a phone's.
 */
export interface NetworkPreset {
  name: string;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

export const FAST_3G: NetworkPreset = {
  name: 'Fast 3G',
  // 150 ms round trip, x 3.75: 562.5 ms
  latency: 150 * 3.75,
  // 1.6 Mbit/s x 0.9 = 1.44 Mbit/s
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  // 750 kbit/s x 0.9 = 675 kbit/s
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

export const FAST_4G: NetworkPreset = {
  name: 'Fast 4G',
  // 60 ms round trip, x 2.75: 165 ms
  latency: 60 * 2.75,
  // 9 Mbit/s x 0.9 = 8.1 Mbit/s
  downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9,
  // 1.5 Mbit/s x 0.9 = 1.35 Mbit/s
  uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9,
};

/** No emulation: loopback, so the figures are the page's own CPU cost. */
export const LOOPBACK: NetworkPreset = { name: 'loopback', latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
