// Issue 15 in the drill room: a study and a live drill are logged with the ladder version
// they ran on (the study's figures are the command line's), the trend marks the change of
// version, and the log exports as JSON and CSV; sensitivity runs in the study workers
// with progress and Cancel and orders the knobs as `rungs simulate --sensitivity` does.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sel } from './testids.mjs';

const rungs = `${process.env.CARGO_TARGET_DIR ?? 'target'}/debug/rungs`;
const saas = JSON.parse(readFileSync(new URL('../../public/examples/saas.json', import.meta.url), 'utf8'));

/** What the library keeps for the open entry: its versions and its drill log. */
const stored = (page) =>
  page.evaluate(() => {
    const id = localStorage.getItem('rungs.library.current');
    return {
      versions: JSON.parse(localStorage.getItem(`rungs.versions.${id}`) ?? '[]'),
      log: JSON.parse(localStorage.getItem(`rungs.drills.${id}`) ?? '[]'),
    };
  });

test('a study and a drill are logged with their versions; the trend and the JSON and CSV exports show them', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  const log = page.locator(sel('PAST_DRILL'));
  await expect(log).toHaveCount(0);

  // a study: logged as version 1, kept in History as "Drilled"
  await page.locator(sel('STUDY_RUNS')).fill('1000');
  await page.locator(sel('STUDY_SEED')).fill('7');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText(`Study · version 1 (revision ${saas.revision})`);
  await expect(log.first()).toContainText('1,000 runs · median acknowledge ');
  await expect(log.first().getByRole('button', { name: 'Debrief (Markdown)' })).toHaveCount(0);
  let kept = await stored(page);
  expect(kept.versions.map((v) => [v.n, v.why])).toEqual([[1, 'drilled']]);
  // its figures are those of `rungs simulate` on the same ladder, runs and seed
  const cli = JSON.parse(execFileSync(rungs, [
    'simulate', 'public/examples/saas.json', '--scenario', 'checkout-3am', '--runs', '1000', '--seed', '7', '--format', 'json',
  ], { encoding: 'utf8' }));
  const study = kept.log[0];
  expect(study.kind).toBe('study');
  expect([study.runs, study.seed, study.version]).toEqual([1000, 7, 1]);
  expect(study.figures.acknowledge_s).toBe(cli.figures.time_to_acknowledge.median);
  expect(study.figures.contained_within_target).toBe(cli.figures.time_to_contain.met_target);
  // breaches of every tier and timeline over the detected incidents, to four decimals
  const breaches = Object.values(cli.breach_count).flatMap((t) => Object.values(t)).reduce((a, b) => a + b, 0);
  expect(study.figures.breaches_per_incident).toBe(Math.round((breaches / cli.incidents) * 10_000) / 10_000);

  // the trend: three charts, one study point (a square) each where the figure exists
  const trend = page.locator(sel('LOG_TREND'));
  await expect(trend).toBeVisible({ timeout: 30_000 });
  await expect(trend.locator(sel('TREND_CHART'))).toHaveCount(3);
  await expect(trend.locator(sel('TREND_CHART')).first().locator('rect.point')).toHaveCount(1);

  // an edit makes a new version of the ladder: the name, in the library row
  await page.locator(sel('NAV_LIBRARY')).click();
  const input = page.locator(`${sel('LIBRARY_ENTRY')}.open input`);
  await input.fill('Nimbus, after the review');
  await input.press('Enter');

  // a live drill on it at the fastest speed, Emi played in the room: she acknowledges
  // each page as it comes
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  await page.locator(`${sel('HUMAN')}[data-person="emi"]`).check();
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  await page.locator(sel('DRILL_START')).click();
  const scorecard = page.locator(sel('SCORECARD'));
  for (let i = 0; i < 300 && !(await scorecard.isVisible()); i++) {
    const card = page.locator(sel('PAGE_CARD'));
    if (await card.count()) await card.first().getByRole('button', { name: /Acknowledge/ }).click().catch(() => {});
    else await page.waitForTimeout(100);
  }
  await expect(scorecard).toBeVisible({ timeout: 60_000 });
  await expect(log).toHaveCount(2);
  await expect(log.first()).toContainText('Drill · version 2');
  await expect(log.first().getByRole('button', { name: 'Debrief (Markdown)' })).toHaveCount(1);
  kept = await stored(page);
  expect(kept.versions.map((v) => [v.n, v.why, v.name])).toEqual([
    [1, 'drilled', saas.name],
    [2, 'drilled', 'Nimbus, after the review'],
  ]);
  expect(kept.log.map((r) => [r.kind, r.version])).toEqual([['drill', 2], ['study', 1]]);
  expect(kept.log[0].played).toEqual(['Emi Sato']);

  // the trend marks where the version changed, oldest on the left; the table has a row each
  await expect(trend.locator(sel('TREND_CHART')).first().locator('text', { hasText: 'v2' })).toHaveCount(1);
  await expect(trend.locator(sel('TREND_CHART')).first().locator('circle.point')).toHaveCount(1);
  await trend.locator('.trend-table summary').click();
  const rows = trend.locator('.trend-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('th')).toHaveText('Study · v1 · Checkout errors at 3 a.m. on a Saturday');
  await expect(rows.nth(1).locator('th')).toHaveText('Drill · v2 · Checkout errors at 3 a.m. on a Saturday');
  await trend.locator('.trend-table summary').click();
  await page.evaluate(() => { for (const s of ['.topbar', '.drill-status']) { const e = document.querySelector(s); if (e) e.style.position = 'static'; } });
  await page.locator(sel('PAST_DRILLS')).screenshot({ path: 'tests/e2e/results/drill-log.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(sel('PAST_DRILLS')).screenshot({ path: 'tests/e2e/results/drill-log-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // the exports: JSON as kept, CSV oldest first with formulas kept as text
  const [json] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: 'Download the log (JSON)' }).click()]);
  expect(json.suggestedFilename()).toMatch(/-drill-log\.json$/);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(exported.format).toBe('rungs.drill-log/v1');
  expect(exported.ladder).toBe('Nimbus, after the review');
  expect(exported.records).toEqual(kept.log);
  const [csv] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: 'Download the log (CSV)' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  expect(lines[0]).toBe('finished_at,kind,scenario,version,revision,acknowledge_s,contained_within_target,breaches_per_incident,runs,seed,summary,breaches,played,notes');
  expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,study,Checkout errors at 3 a\.m\. on a Saturday,1,/);
  expect(lines[2]).toMatch(/,drill,Checkout errors at 3 a\.m\. on a Saturday,2,/);
  expect(lines[3]).toBe('');

  // after a reload the log and its trend are still there
  await page.reload();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(log).toHaveCount(2);
  await expect(page.locator(sel('LOG_TREND')).locator(sel('TREND_CHART'))).toHaveCount(3, { timeout: 30_000 });

  // the log travels with an exported ladder only when asked
  await page.locator(sel('NAV_SHARE')).click();
  const withLog = page.locator(sel('EXPORT_WITH_LOG'));
  await expect(page.locator('label', { has: withLog })).toContainText('With its drill log (2 records)');
  const [plain] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DOWNLOAD')).click()]);
  expect(JSON.parse(readFileSync(await plain.path(), 'utf8')).drill_log).toBeUndefined();
  await withLog.check();
  const [carried] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DOWNLOAD')).click()]);
  const file = readFileSync(await carried.path(), 'utf8');
  const withRecords = JSON.parse(file);
  expect(withRecords.drill_log).toEqual(kept.log);
  // the command line reads it as a ladder like any other
  execFileSync(rungs, ['validate', await carried.path()], { encoding: 'utf8' });
  // opened elsewhere (here: as a new ladder), the log comes along; the entry keeps the
  // ladder without it
  await page.locator(sel('IMPORT')).setInputFiles({ name: 'with-log.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus, after the review');
  await page.locator(sel('NAV_DRILL')).click();
  await expect(log).toHaveCount(2);
  const opened = await stored(page);
  expect(opened.log).toEqual(kept.log);
  const entryText = await page.evaluate(() => localStorage.getItem(`rungs.ladder.${localStorage.getItem('rungs.library.current')}`));
  expect(JSON.parse(entryText).drill_log).toBeUndefined();
  expect(problems).toEqual([]);
});

test('sensitivity: the tornado orders the knobs as rungs simulate --sensitivity does; a long one can be cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  await page.locator(sel('SENSITIVITY_OPEN')).click();
  const panel = page.locator(sel('SENSITIVITY'));
  await expect(panel).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  // too much work in all is refused, with what would fit
  await page.locator(sel('SENSITIVITY_RUNS')).fill('100000');
  await page.locator(sel('SENSITIVITY_START')).click();
  await expect(panel.locator('[role="alert"]')).toContainText(/studies of 100000 runs would be [\d,]+ runs; choose at most [\d,]+ runs per study/);

  // a long one shows its progress and stops on Cancel
  await page.locator(sel('SENSITIVITY_RUNS')).fill('5000');
  await page.locator(sel('SENSITIVITY_START')).click();
  await expect(panel).toHaveAttribute('data-state', 'running');
  await expect(panel.locator('progress')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveAttribute('data-state', 'cancelled');
  await expect(panel).toContainText('Cancelled.');

  await page.locator(sel('SENSITIVITY_RUNS')).fill('100');
  await page.locator(sel('SENSITIVITY_START')).click();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const cli = JSON.parse(execFileSync(rungs, [
    'simulate', 'public/examples/saas.json', '--scenario', 'checkout-3am', '--runs', '100', '--sensitivity', '--format', 'json',
  ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const expected = cli.tornado.rows.map((r) => [r.label, r.influence.toFixed(4)]);
  const rows = panel.locator(sel('TORNADO_ROW'));
  await expect(rows).toHaveCount(Math.min(12, expected.length));
  const shown = () => rows.evaluateAll((gs) => gs.map((g) => [g.dataset.label, g.dataset.influence]));
  expect(await shown()).toEqual(expected.slice(0, 12));
  await panel.locator('figcaption')
    .evaluate((e) => e.closest('.tornado-figure').scrollIntoView());
  await panel.screenshot({ path: 'tests/e2e/results/sensitivity.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.screenshot({ path: 'tests/e2e/results/sensitivity-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  if (expected.length > 12) {
    await panel.getByRole('button', { name: `Show all ${expected.length} knobs` }).click();
    await expect(rows).toHaveCount(expected.length);
    expect(await shown()).toEqual(expected);
  }
  expect(problems).toEqual([]);
});
