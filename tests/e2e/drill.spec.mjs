// The drill room as a facilitator uses it: a live drill with one person played in the room.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sel } from './testids.mjs';

test('a live drill at 1200x runs to resolution with a human acknowledging through the card; the scorecard and the debriefs show that run', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  await page.locator(`${sel('HUMAN')}[data-person="emi"]`).check();
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SIM_CLOCK'))).toContainText('+00:');
  // Emi's pages wait for her: acknowledge each one as it comes, until the run ends.
  let acks = 0;
  const scorecard = page.locator(sel('SCORECARD'));
  for (let i = 0; i < 200 && !(await scorecard.isVisible()); i++) {
    const card = page.locator(sel('PAGE_CARD'));
    if (await card.count()) {
      await expect(card.first()).toContainText('Emi');
      await card.first().locator(sel('ACKNOWLEDGE')).click();
      acks += 1;
    } else {
      await page.waitForTimeout(100);
    }
  }
  await expect(scorecard).toBeVisible({ timeout: 40_000 });
  expect(acks).toBeGreaterThan(0);

  await expect(page.locator(sel('TIMELINE')).locator('circle.acknowledged').first()).toBeAttached();
  const measured = (row) => scorecard.locator('tr', { hasText: row }).locator('td').nth(1);
  await expect(measured('Time to acknowledge')).not.toHaveText('not reached');
  await expect(measured('Time to resolve')).not.toHaveText('not reached');

  const [json] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DEBRIEF_JSON')).click()]);
  const debrief = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(debrief.format).toBe('rungs.debrief/v1');
  expect(debrief.humans).toEqual(['emi']);
  // a missed deadline is flagged in red in the status bar
  if (debrief.figures.breaches.length) {
    await expect(page.locator(sel('BREACH_FLAG'))).toContainText(`${debrief.figures.breaches.length} breach`);
  } else {
    await expect(page.locator(sel('BREACH_FLAG'))).toHaveCount(0);
  }
  // the acknowledgements the engine recorded for Emi are the ones clicked
  expect(debrief.events.filter((e) => e.kind === 'ack' && e.who === 'emi').length).toBe(acks);
  const secs = Math.round(debrief.figures.time_to_acknowledge);
  const shown = secs < 60 ? `${secs}s` : `${Math.floor(secs / 60)}m ${String(secs % 60).padStart(2, '0')}s`;
  await expect(measured('Time to acknowledge')).toHaveText(shown);

  const [md] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DEBRIEF_MD')).click()]);
  expect(md.suggestedFilename()).toBe('nimbus-cloud-platform-debrief.md');
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('# Drill debrief: Nimbus Cloud Platform');
  expect(text).toContain('| Time to acknowledge |');
  expect(text).toContain('acknowledged Emi');
  if (process.env.RUNGS_SCREENSHOTS) {
    // the sticky top bar would cover the element in its screenshot
    await page.evaluate(() => { for (const s of ['.topbar', '.drill-status']) document.querySelector(s).style.position = 'static'; });
    await page.locator(sel('LIVE_DRILL')).screenshot({ path: 'docs/drill.png' });
  }
  expect(problems).toEqual([]);
});

test('a scenario created in the UI runs, survives a reload and travels in a share link', async ({ page, browser }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(sel('NEW_SCENARIO')).click();
  const form = page.locator(sel('SCENARIO_FORM'));
  await form.getByLabel('Scenario name', { exact: true }).fill('Night DB failover');
  await form.getByLabel('Starts at, UTC (decides who is on call)', { exact: true }).fill('2026-04-04T02:00');
  await form.getByLabel('Points', { exact: true }).fill('0m=0.01, 5m=x');
  await expect(form.locator(sel('FIELD_ERROR'))).toContainText('`x` is not a number');
  await form.getByLabel('Points', { exact: true }).fill('0m=0.01, 5m=0.4');
  await expect(form.locator(sel('FIELD_ERROR'))).toHaveCount(0);
  await form.locator('.step-chart path').waitFor();
  await form.locator('label', { hasText: 'or a note' }).locator('input').fill('The DBA is on holiday');
  await form.getByRole('button', { name: 'Add note' }).click();
  await expect(form.locator('.injects-list li')).toContainText(['The DBA is on holiday']);
  await expect(page.locator(sel('SCENARIO'))).toHaveCount(3);
  // it runs
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SCORECARD'))).toBeVisible({ timeout: 40_000 });
  // the picker's time is read as UTC
  await page.locator(sel('NAV_SHARE')).click();
  const saved = JSON.parse(await page.locator(sel('SHARE_JSON')).textContent());
  expect(saved.scenarios.at(-1).start).toBe('2026-04-04T02:00:00Z');
  await page.locator(sel('NAV_DRILL')).click();
  // it survives a reload
  await page.reload();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('SCENARIO')).filter({ hasText: 'Night DB failover' })).toHaveCount(1);
  // and travels in a share link
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.locator(sel('NAV_DRILL')).click();
  await expect(other.locator(sel('SCENARIO')).filter({ hasText: 'Night DB failover' })).toHaveCount(1);
  await fresh.close();
  expect(problems).toEqual([]);
});
