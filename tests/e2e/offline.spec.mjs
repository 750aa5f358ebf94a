// A second visit needs no network: the service worker keeps the release, so a repeat
// visit and a drill room without Wi-Fi work; a new release is announced in the page and
// taken in only when the user reloads; all of it under a sub-path, with the CSP on.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './static-server.mjs';
import { sel } from './testids.mjs';

test.use({ serviceWorkers: 'allow' });

let host;
test.beforeEach(async () => {
  // a copy of the build of its own, under a sub-path, so a test can publish a "release"
  const dir = mkdtempSync(join(tmpdir(), 'rungs-offline-'));
  cpSync('dist', dir, { recursive: true });
  host = { dir, ...(await startServer({ dir, base: '/team/rungs/' })) };
});
test.afterEach(async () => {
  host.server.closeAllConnections();
  await host.close();
  rmSync(host.dir, { recursive: true, force: true });
});

/** Opens the app and waits until the service worker runs the page. */
async function openControlled(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(host.origin);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  const scope = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return reg.scope;
  });
  expect(scope).toBe(host.origin);
  return problems;
}

test('with the server gone, a repeat visit opens from the cache and a drill and a study still run', async ({ page }) => {
  const problems = await openControlled(page);
  // the network is gone: the server stops answering
  host.server.closeAllConnections();
  await host.close();
  await page.reload();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  await expect(page.locator(sel('RUNG_NAME')).first()).toBeVisible();
  // a drill room without Wi-Fi: a live drill runs
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SIM_CLOCK'))).toContainText('+00:');
  // and the study's worker comes from the cache too
  await page.locator(sel('STUDY_RUNS')).fill('500');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  // a share link opened offline works as well: the ladder is in the link
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  expect(link.startsWith(host.origin)).toBe(true);
  const viewer = await page.context().newPage();
  await viewer.goto(link);
  await expect(viewer.locator(sel('SHARED'))).toBeVisible();
  await expect(viewer.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  expect(problems).toEqual([]);
});

test('a new release is announced and taken in only when the user reloads; the edit made meanwhile is kept', async ({ page }) => {
  const problems = await openControlled(page);
  await page.getByText('Edit the ladder as JSON').click();
  const area = page.locator(sel('SOURCE'));
  await expect(area).not.toHaveValue('');
  await page.evaluate(() => { window.__samePage = true; });
  // a new release is published: a changed index.html, hence a new service worker
  const index = join(host.dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="rungs-release" content="2" />\n    <title>'));
  execPostBuild(host.dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.locator(sel('UPDATE_READY'))).toBeVisible({ timeout: 15_000 });
  // the user keeps typing: nothing was swapped in under the edit
  await area.fill((await area.inputValue()).replace('Nimbus Cloud Platform', 'Nimbus Staging'));
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Staging');
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  expect(await page.locator('meta[name="rungs-release"]').count()).toBe(0);
  // Reload now: the new release runs the page, and the edit was saved first
  await Promise.all([page.waitForEvent('load'), page.locator(sel('UPDATE_RELOAD')).click()]);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Staging');
  await expect(page.locator('meta[name="rungs-release"]')).toHaveCount(1);
  await expect(page.locator(sel('UPDATE_READY'))).toHaveCount(0);
  expect(problems).toEqual([]);
});

/** Rewrites sw.js for the changed files of DIR, as the build does. */
function execPostBuild(dir) {
  execFileSync('node', ['scripts/offline.mjs', dir]);
}
