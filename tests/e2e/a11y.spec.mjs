// Accessibility: axe-core (from npm, run in the page) checks every page and form for
// WCAG 2 A and AA rules: labels, contrast, roles, names. Keyboard use is covered by the
// other specs (tabs, reordering, undo keys).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sel } from './testids.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe is injected as a script; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

async function check(page, what) {
  await page.waitForTimeout(200);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  expect(violations, what).toEqual([]);
}

test('every page and every kind of form passes axe (WCAG 2.1 A and AA)', async ({ page }) => {
  test.setTimeout(120_000); // a dozen full-page axe runs
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  await page.addScriptTag({ content: axeSource });
  await check(page, 'design page');
  for (const name of ['SEV1 Critical', 'Farah Rahman', 'Global secondary', 'checkout-outage']) {
    await page.locator(`${sel('EDIT')}[aria-label="Edit ${name}"]`).click();
    await check(page, `form of ${name}`);
  }
  await page.locator(`${sel('EDIT')}[aria-label="Edit the ladder's details"]`).click();
  await check(page, 'ladder details');
  for (const kind of ['roles', 'services', 'playbooks', 'templates']) {
    await page.locator(`${sel('ADD')}[data-kind="${kind}"]`).click();
    await check(page, `new entry of ${kind}`);
  }
  await page.locator(sel('NAV_LIBRARY')).click();
  await check(page, 'start page');
  await page.locator(sel('NAV_SHARE')).click();
  await check(page, 'share page');
  await page.locator(sel('NAV_DRILL')).click();
  await check(page, 'drill page');
  await page.locator(sel('EDIT_SCENARIO')).click();
  await check(page, 'scenario editor');
  await page.locator(`${sel('HUMAN')}[data-person="emi"]`).check();
  await page.locator(sel('DRILL_START')).click();
  await page.locator(sel('PAGE_CARD')).first().waitFor();
  await check(page, 'live drill with a page card');
  await page.locator(sel('STUDY_RUNS')).fill('200');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await check(page, 'study results');
});

test('a finished drill, its scorecard and its print view pass axe (WCAG 2.1 A and AA)', async ({ page }) => {
  await page.goto('/');
  await page.addScriptTag({ content: axeSource });
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  // nobody in the room: the simulated responders answer every page
  // (the :checked list shrinks as boxes are unticked: always untick the first)
  const ticked = page.locator(`${sel('HUMAN')}:checked`);
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SCORECARD'))).toBeVisible({ timeout: 40_000 });
  await check(page, 'finished drill with its scorecard');
  await page.locator(sel('PRINT_VIEW')).click();
  await expect(page.locator(sel('DEBRIEF_HEAD'))).toBeVisible();
  await check(page, 'print view');
});
