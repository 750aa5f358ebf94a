// Screenshots of every view of the app at desktop (1400x900) and phone (390x844) size,
// for docs/views/ and for a person to look at after a change to the interface:
//
//   trunk build --release && (node tests/e2e/serve.mjs dist 8093 &)
//   node tests/e2e/screenshots.mjs http://127.0.0.1:8093/ docs/views
//
// The page's clock is fixed at Sat 14 Mar 2026, 03:00 UTC (the SaaS example's checkout
// scenario) so that who is on call, and so every picture, is the same on every run.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { sel } from './testids.mjs';

const [url = 'http://127.0.0.1:8093/', out = 'docs/views'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const SIZES = {
  desktop: { viewport: { width: 1400, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const problems = [];

for (const [size, options] of Object.entries(SIZES)) {
  const context = await browser.newContext({ ...options, timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${size}: ${e.message}`));
  await page.clock.install({ time: new Date('2026-03-14T03:00:00Z') });
  // the first screen of each view, as a person sees it
  const shot = async (name) => {
    await page.waitForTimeout(300);
    const path = `${out}/${name}-${size}.png`;
    await page.screenshot({ path });
    console.log(path);
  };

  await page.goto(url);
  await page.locator(sel('LADDER_NAME')).waitFor();
  await shot('design');
  await page.locator(`${sel('EDIT')}[aria-label="Edit SEV2 Major"]`).click();
  await shot('design-editing');
  await page.keyboard.press('Escape');

  await page.locator(sel('NAV_LIBRARY')).click();
  await shot('ladders');

  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  await shot('drill-setup');
  // a live drill with Emi played in the room: her page waits on its card
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  await page.locator(sel('DRILL_START')).click();
  const card = page.locator(sel('PAGE_CARD')).first();
  for (let i = 0; i < 600 && !(await card.isVisible()); i++) await page.clock.runFor(100);
  await card.scrollIntoViewIfNeeded();
  await shot('drill-page-card');
  // acknowledge every page until the scorecard and the debrief show
  const scorecard = page.locator(sel('SCORECARD'));
  for (let i = 0; i < 3000 && !(await scorecard.isVisible()); i++) {
    if (await card.isVisible()) await card.locator(sel('ACKNOWLEDGE')).click();
    await page.clock.runFor(200);
  }
  await scorecard.scrollIntoViewIfNeeded();
  await shot('drill-debrief');

  await page.locator(sel('STUDY_RUNS')).fill('2000');
  await page.locator(sel('STUDY_START')).click();
  for (let i = 0; i < 300 && (await page.locator(sel('STUDY')).getAttribute('data-state')) !== 'done'; i++) {
    await page.clock.runFor(100);
  }
  await page.locator(sel('STUDY')).scrollIntoViewIfNeeded();
  await shot('study');

  await page.locator(sel('NAV_SHARE')).click();
  await shot('share');
  const link = await page.locator(sel('SHARE_LINK')).inputValue();

  // whoever opens the link: a fresh browser
  const fresh = await browser.newContext({ ...options, timezoneId: 'UTC' });
  const viewer = await fresh.newPage();
  viewer.on('pageerror', (e) => problems.push(`${size} viewer: ${e.message}`));
  await viewer.clock.install({ time: new Date('2026-03-14T03:00:00Z') });
  await viewer.goto(link);
  await viewer.locator(sel('VIEWER_TIER')).first().waitFor();
  await viewer.waitForTimeout(300);
  const path = `${out}/viewer-${size}.png`;
  await viewer.screenshot({ path });
  console.log(path);
  await fresh.close();
  await context.close();
}

await browser.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
