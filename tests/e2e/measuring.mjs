// What the browser measurements (tests/e2e/measure-*.mjs) share: the browser, the
// profiles they load pages under, and the median they report.
import { chromium } from '@playwright/test';

/** Debian's Chromium, headless, without background traffic that would skew a figure. */
export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** The phone profile, through the Chrome DevTools Protocol: 9 Mbit/s down, 1.5 Mbit/s
 * up, 150 ms round trip (Network.emulateNetworkConditions), the CPU 4x slower
 * (Emulation.setCPUThrottlingRate), a 390x844 touch screen; and localhost, unthrottled. */
export const PROFILES = {
  phone: {
    context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) },
    cpu: 4,
  },
  localhost: { context: { viewport: { width: 1400, height: 900 } }, network: null, cpu: 1 },
};

/** Applies `profile`'s network and CPU to a page's CDP session, with the cache off. */
export async function throttle(cdp, profile) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

/** The median (the lower of the two middle values for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
