// Who is on call: the designer says whom each escalation step and owner reaches now,
// and a rotation's form lists its next shifts. The page's clock is fixed at 3 a.m. UTC
// on Saturday 14 March 2026, the SaaS example's checkout scenario.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sel } from './testids.mjs';
import { ladderJson } from './ladder.mjs';

test.use({ timezoneId: 'UTC' });

test('each step and owner says who it reaches now; a rotation lists its next shifts', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.clock.setFixedTime(new Date('2026-03-14T03:00:00Z'));
  await page.goto('/');
  const sev1 = page.locator(sel('RUNG')).first();
  await expect(sev1.locator(sel('RUNG_NAME'))).toHaveText('SEV1 Critical');
  const steps = sev1.locator(sel('STEP'));
  await expect(steps.nth(0).locator(sel('ON_CALL_NOW'))).toHaveText(
    'On call now: Emi Sato via APAC primary; EMEA primary and Americas primary are outside their hours',
  );
  await expect(steps.nth(1).locator(sel('ON_CALL_NOW'))).toHaveText(
    'On call now: Ana Lima via Global secondary; Ben Okafor via Incident command',
  );
  await expect(sev1.locator('.owner', { hasText: 'communication' }).locator(sel('ON_CALL_NOW'))).toHaveText(
    'On call now: Grace Kim and Hana Novak via Communications lead',
  );
  // every step of every tier says it
  const allSteps = await page.locator(sel('STEP')).count();
  await expect(page.locator(`${sel('STEP')} ${sel('ON_CALL_NOW')}`)).toHaveCount(allSteps);
  // the heatmap tells the hours when step 1 answers but not all its targets do (two of
  // SEV1's three primaries are outside their hours at any time), by a marker and its legend
  const heatmap = page.locator(sel('HEATMAP'));
  const sev1Week = heatmap.locator('.hm-tier').first();
  await expect(sev1Week.locator('figcaption')).toContainText('not all targets answer in 168 h');
  const sat3 = sev1Week.locator('.hm-grid .hm').nth(5 * 24 + 3);
  await expect(sat3).toHaveClass('hm step1 some');
  await expect(sat3).toHaveAttribute('title', /only 1 of its 3 targets answers: EMEA primary and Americas primary reach nobody$/);
  await expect(heatmap.locator('.hm-legend')).toContainText('step 1 answers, but not all its targets do');
  // the week's schedule: a lane per rotation, shifts named, gaps to tap for their times
  const schedule = page.locator(sel('SCHEDULE'));
  // (five rotations, then the SaaS example's follow-the-sun schedule)
  await expect(schedule.locator(sel('SCHEDULE_LANE'))).toHaveCount(6);
  const apac = schedule.locator(sel('SCHEDULE_LANE')).filter({ hasText: 'APAC primary' });
  await expect(apac.locator(sel('SCHEDULE_SHIFT')).first()).toHaveAttribute('aria-label', 'APAC primary: Emi Sato, Sat 14 Mar 03:00–08:00 UTC');
  await apac.locator('.schedule-gap').first().click();
  await expect(schedule.locator(sel('SCHEDULE_DETAIL'))).toHaveText('APAC primary: nobody on call, Sat 14 Mar 08:00–23:00 UTC');
  await apac.locator(sel('SCHEDULE_SHIFT')).first().focus();
  await page.keyboard.press('Enter');
  await expect(schedule.locator(sel('SCHEDULE_DETAIL'))).toContainText('Emi Sato');
  // the rotation's form previews its hand-offs: Emi until Monday 07:00 in Singapore, then Farah
  await page.getByRole('button', { name: 'Edit APAC primary' }).click();
  const shifts = page.locator(sel('UPCOMING_SHIFTS')).locator('li');
  await expect(shifts).toHaveCount(6);
  await expect(shifts.nth(0)).toContainText('Emi Sato');
  await expect(shifts.nth(1)).toContainText('Farah Rahman · Mon 16 Mar 07:00 – Mon 23 Mar 07:00 Asia/Singapore');
  expect(problems).toEqual([]);
});

test('a rotation gets several windows, one over a weekend, and an override its calendar shows', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.clock.setFixedTime(new Date('2026-03-14T03:00:00Z'));
  await page.goto('/');
  const json = async () => (await ladderJson(page)).rotations.find((r) => r.id === 'apac-primary');
  await page.getByRole('button', { name: 'Edit APAC primary' }).click();
  const inspector = page.locator(sel('INSPECTOR'));
  const rows = inspector.locator(sel('WINDOW_ROW'));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator(sel('WINDOW_SUMMARY'))).toHaveText('every day 07:00–16:00');

  // a second window, made into Friday 18:00 to Monday 10:00
  await inspector.locator(sel('ADD_WINDOW')).click();
  await expect(rows).toHaveCount(2);
  const weekend = rows.nth(1);
  await expect(weekend.locator(sel('WINDOW_SUMMARY'))).toHaveText('sat, sun 09:00–17:00');
  await weekend.getByLabel('Sat').uncheck();
  await weekend.getByLabel('Sun').uncheck();
  await weekend.getByLabel('Fri').check();
  await weekend.getByLabel('From (local HH:MM)').fill('18:00');
  await weekend.getByLabel('To (local HH:MM)').fill('10:00');
  await weekend.getByLabel('Closes on').selectOption('mon');
  await expect(weekend.locator(sel('WINDOW_SUMMARY'))).toHaveText('fri 18:00 – mon 10:00');
  let rot = await json();
  expect(rot.window).toBeUndefined();
  expect(rot.windows).toEqual([
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '07:00', to: '16:00' },
    { days: ['fri'], from: '18:00', to: '10:00', to_day: 'mon' },
  ]);
  // removing the first leaves the one-window form
  await rows.first().getByRole('button', { name: 'Remove window 1' }).click();
  await expect(rows).toHaveCount(1);
  rot = await json();
  expect(rot.windows).toBeUndefined();
  expect(rot.window).toEqual({ days: ['fri'], from: '18:00', to: '10:00', to_day: 'mon' });

  // an override: it takes the next turn (Farah's, from Monday 07:00 in Singapore) for
  // the other member; Ana covers it instead
  await inspector.locator(sel('ADD_OVERRIDE')).click();
  const override = inspector.locator(sel('OVERRIDE_ROW'));
  await expect(override).toHaveCount(1);
  await expect(override.getByLabel('Who covers')).toHaveValue('emi');
  await expect(override.getByLabel('From')).toHaveValue('2026-03-16T07:00');
  await override.getByLabel('Who covers').selectOption({ label: 'Ana Lima' });
  rot = await json();
  expect(rot.overrides).toEqual([{ from: '2026-03-15T23:00:00Z', to: '2026-03-22T23:00:00Z', person: 'ana' }]);
  // the calendar strip: Emi over this weekend's window, then Ana all week, also outside it
  const strip = inspector.locator(sel('CALENDAR_STRIP'));
  const weeks = strip.locator(sel('SCHEDULE_LANE'));
  await expect(weeks).toHaveCount(4);
  await expect(weeks.first()).toContainText('Sat 14 Mar');
  const shifts = weeks.first().locator(sel('SCHEDULE_SHIFT'));
  await expect(shifts.nth(0)).toHaveAttribute('aria-label', 'APAC primary: Emi Sato, Sat 14 Mar 03:00 – Sun 15 Mar 23:00 UTC');
  await expect(shifts.nth(1)).toHaveAttribute('aria-label', 'APAC primary: Ana Lima, Sun 15 Mar 23:00 – Sat 21 Mar 03:00 UTC');
  await shifts.nth(1).click();
  await expect(strip.locator('.schedule-detail')).toContainText('Ana Lima');
  // the second week goes on with Ana until the override ends, then the window's hours
  await expect(weeks.nth(1).locator(sel('SCHEDULE_SHIFT')).first()).toHaveAttribute('aria-label', /Ana Lima, Sat 21 Mar 03:00 – Sun 22 Mar 23:00 UTC/);
  // the same shifts as a calendar file, in Singapore time
  const [download] = await Promise.all([page.waitForEvent('download'), inspector.locator(sel('CALENDAR_DOWNLOAD')).click()]);
  expect(download.suggestedFilename()).toBe('nimbus-cloud-platform-apac-primary.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Singapore');
  // Ana's override week is its own event, from Monday 07:00 to the next, local time
  expect(ics).toContain('DTSTART;TZID=Asia/Singapore:20260316T070000\r\nDTEND;TZID=Asia/Singapore:20260323T070000\r\nSUMMARY:On call: APAC primary (Ana Lima\\, override)');
  await expect(inspector.getByRole('status').filter({ hasText: 'Saved nimbus-cloud-platform-apac-primary.ics' })).toContainText('times in Asia/Singapore');
  await expect(page.locator(sel('ERROR_COUNT'))).toHaveText('0 errors');
  expect(problems).toEqual([]);
});

test('a layered schedule is built from rotations, reordered, paged by a step, and drawn layer by layer', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.clock.setFixedTime(new Date('2026-03-14T03:00:00Z'));
  await page.goto('/');
  const json = () => ladderJson(page);
  const schedules = page.locator(sel('SCHEDULES'));
  await schedules.locator(sel('ADD')).click();
  const inspector = page.locator(sel('INSPECTOR'));
  await inspector.getByLabel('Name', { exact: true }).fill('Night and day');
  // APAC primary first, then the 24/7 secondary: then drag... or move the secondary down
  await inspector.getByLabel('Add a layer').selectOption({ label: 'APAC primary' });
  await inspector.getByLabel('Add a layer').selectOption({ label: 'Global secondary' });
  const layers = inspector.locator(sel('LAYER_ROW'));
  await expect(layers).toHaveCount(2);
  await expect(layers.nth(1)).toContainText('Layer 2 (highest): Global secondary · around the clock UTC');
  // the 24/7 rotation belongs at the bottom: move it up the list, to layer 1
  await layers.nth(1).getByRole('button', { name: /Move .*up/ }).click();
  await expect(layers.nth(0)).toContainText('Layer 1 (lowest): Global secondary');
  await expect(layers.nth(1)).toContainText('Layer 2 (highest): APAC primary · every day 07:00–16:00 Asia/Singapore');
  let ladder = await json();
  expect(ladder.schedules.slice(1)).toEqual([{ id: 'night-and-day', name: 'Night and day', layers: ['secondary', 'apac-primary'] }]);
  // the calendar strip: APAC's Emi while its window is open, then the secondary's Ana
  const strip = inspector.locator(sel('CALENDAR_STRIP'));
  const shifts = strip.locator(sel('SCHEDULE_LANE')).first().locator(sel('SCHEDULE_SHIFT'));
  await expect(shifts.nth(0)).toHaveAttribute('aria-label', 'Night and day: Emi Sato (layer 2, APAC primary), Sat 14 Mar 03:00–08:00 UTC');
  await expect(shifts.nth(1)).toHaveAttribute('aria-label', 'Night and day: Ana Lima (layer 1, Global secondary), Sat 14 Mar 08:00–23:00 UTC');
  // its calendar file says who it pages, layer by layer
  const [download] = await Promise.all([page.waitForEvent('download'), inspector.locator(sel('CALENDAR_DOWNLOAD')).click()]);
  expect(download.suggestedFilename()).toBe('nimbus-cloud-platform-night-and-day.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('SUMMARY:On call: Night and day\\, layer 2 APAC primary (Emi Sato)');
  // the week's schedule has a lane for it after the rotations'
  const week = page.locator(sel('SCHEDULE'));
  await expect(week.locator(sel('SCHEDULE_LANE'))).toHaveCount(7);
  await expect(week.locator(sel('SCHEDULE_LANE')).last()).toContainText('Night and day');
  // SEV3's first step pages the schedule, and says whom it reaches now, and through which layer
  await page.getByRole('button', { name: 'Edit SEV3 Minor' }).click();
  const step = inspector.locator(sel('STEP_ROW')).first();
  await step.getByLabel('Add to this step').selectOption({ label: 'Night and day' });
  ladder = await json();
  expect(ladder.tiers.find((t) => t.id === 'sev3').escalation.steps[0].notify).toContainEqual({ schedule: 'night-and-day' });
  const sev3 = page.locator(sel('RUNG')).filter({ hasText: 'SEV3 Minor' });
  await expect(sev3.locator(sel('STEP')).first().locator(sel('ON_CALL_NOW'))).toContainText('Emi Sato via Night and day');
  await expect(page.locator(sel('ERROR_COUNT'))).toHaveText('0 errors');
  expect(problems).toEqual([]);
});
