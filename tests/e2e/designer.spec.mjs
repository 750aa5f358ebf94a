// Building a ladder without touching JSON, as the designer issue's "done when" describes.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sel } from './testids.mjs';
import { ladderText } from './ladder.mjs';

/** Opens the app and collects page errors and console errors. */
async function open(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toBeVisible();
  return problems;
}

const add = (page, collection) => page.locator(`${sel('ADD')}[data-kind="${collection}"]`).click();
const edit = (page, name) => page.locator(`${sel('EDIT')}[aria-label="Edit ${name}"]`).click();

/** Builds "Acme Payments" from New ladder; returns the inspector. */
async function buildLadder(page) {
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(sel('NEW_LADDER')).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Untitled ladder');
  // every empty section says what its entries are for and what to add first
  const empty = (kind) => page.locator(`${sel('EMPTY_NOTE')}[data-kind="${kind}"]`);
  for (const kind of ['people', 'roles', 'rotations', 'services', 'triggers', 'playbooks', 'templates', 'schedule']) {
    await expect(empty(kind)).toBeVisible();
  }
  await expect(empty('rotations')).toContainText('A rotation takes its members in turns');
  await expect(empty('schedule')).toContainText('No rotations yet, so nobody is on call by turns.');
  const inspector = page.locator(sel('INSPECTOR'));
  const field = (label) => inspector.getByLabel(label, { exact: true });

  await edit(page, "the ladder's details");
  await field('Name').fill('Acme Payments');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Acme Payments');

  for (const [name, zone] of [['Ana Lima', 'Europe/London'], ['Ben Okafor', 'America/New_York']]) {
    await add(page, 'people');
    await field('Name').fill(name);
    await field('Time zone').fill(zone);
  }
  // A zone half typed is not marked wrong while the typing goes on, only after a pause.
  await field('Time zone').fill('');
  await field('Time zone').pressSequentially('America/New_Y', { delay: 20 });
  expect(await inspector.locator(sel('FIELD_ERROR')).count()).toBe(0);
  await expect(inspector.locator(sel('FIELD_ERROR'))).toContainText('America/New_Y');
  // A zone that does not exist is refused, with a suggestion.
  await field('Time zone').fill('America/New_Yrok');
  await expect(inspector.locator(sel('FIELD_ERROR'))).toContainText('America/New_Yrok');
  await field('Time zone').fill('America/New_York');
  await expect(inspector.locator(sel('FIELD_ERROR'))).toHaveCount(0);
  await expect(page.locator(sel('PERSON'))).toHaveCount(2);
  await expect(empty('people')).toHaveCount(0);

  await add(page, 'rotations');
  await field('Name').fill('Primary');
  // pickers name people; their ids followed their names as they were typed
  await field('Add a member').selectOption({ label: 'Ana Lima' });
  await field('Add a member').selectOption({ label: 'Ben Okafor' });
  await field('Shift length').fill('1 week');
  await expect(inspector.locator(sel('FIELD_ERROR'))).toContainText('1 week');
  await field('Shift length').fill('7d');
  await expect(page.locator(sel('ROTATION_NAME'))).toHaveText(['Primary']);
  await expect(empty('rotations')).toHaveCount(0);
  await expect(empty('schedule')).toHaveCount(0);

  await add(page, 'tiers');
  await field('Name').fill('SEV2 Degraded');
  // a trigger watches a service: until there is one, Add trigger says so
  await expect(page.locator(`${sel('ADD')}[data-kind="triggers"]`)).toBeDisabled();
  await expect(page.locator('.add-hint')).toContainText('Add a service first');
  await add(page, 'services');
  await field('Name').fill('Checkout');
  await add(page, 'triggers');
  await field('Metric').fill('error_rate');
  await expect(page.locator(sel('TRIGGER'))).toHaveCount(1);
  await expect(page.locator(sel('RUNG'))).toHaveCount(2);
  return inspector;
}

test('a ladder built from New ladder shows its errors, is fixed in the forms, and exports a file rungs validate accepts', async ({ page }) => {
  const problems = await open(page);
  const inspector = await buildLadder(page);
  // Both tiers still page nobody: validation says so and points at the steps.
  await expect(page.locator(sel('STATUS'))).toContainText('2 errors');
  await expect(page.locator(sel('DIAGNOSTIC')).filter({ hasText: 'notifies nobody' })).toHaveCount(2);
  // Export is not offered yet; the Share page lists what blocks it.
  await page.locator(sel('NAV_SHARE')).click();
  await expect(page.locator(sel('DOWNLOAD'))).toHaveCount(0);
  await expect(page.locator(sel('BLOCKERS'))).toContainText('SEV1 step 1 notifies nobody.');
  await page.locator(sel('NAV_DESIGN')).click();
  // Going to the first error opens its tier in the inspector.
  await page.locator(sel('DIAGNOSTIC')).filter({ hasText: 'notifies nobody' }).first().click();
  await expect(page.locator('#inspector-h')).toContainText('Tier:');
  // the finding sits under its field too, with what to do about it
  await expect(inspector.locator(sel('FIELD_FINDING')).first()).toHaveText(
    'No step of SEV1 can reach anybody, so nobody can acknowledge within 15m. Page someone in an earlier step, or allow more time to acknowledge.',
  );
  for (const tier of ['SEV1', 'SEV2 Degraded']) {
    await edit(page, tier);
    await inspector.getByLabel('Add to this step', { exact: true }).selectOption({ label: 'Primary' });
    await expect(inspector.locator(sel('STEP_ROW')).first()).toContainText('Primary');
  }
  await expect(page.locator(sel('ERROR_COUNT'))).toHaveText('0 errors');
  await expect(page.locator(sel('STATUS'))).toContainText('valid');

  await page.locator(sel('NAV_SHARE')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DOWNLOAD')).click()]);
  expect(download.suggestedFilename()).toBe('acme-payments.json');
  const file = 'tests/e2e/results/acme-payments.json';
  await download.saveAs(file);
  const out = execFileSync('target/debug/rungs', ['validate', file], { encoding: 'utf8' });
  expect(out).toContain('valid, 0 errors');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.people.map((p) => [p.name, p.timezone])).toEqual([['Ana Lima', 'Europe/London'], ['Ben Okafor', 'America/New_York']]);
  expect(saved.rotations[0].members).toEqual(['ana-lima', 'ben-okafor']);
  expect(saved.tiers.map((t) => t.escalation.steps[0].notify)).toEqual([[{ rotation: 'primary' }], [{ rotation: 'primary' }]]);
  expect(saved.triggers[0].service).toBe(saved.services[0].id);
  expect(problems).toEqual([]);
});

test('a reload finds the ladder unchanged, and undo and redo work from buttons and keys', async ({ page }) => {
  const problems = await open(page);
  await buildLadder(page);
  await page.waitForTimeout(400); // past the autosave pause
  const json = () => ladderText(page);
  const before = await json();
  expect(JSON.parse(before).name).toBe('Acme Payments');
  await page.reload();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Acme Payments');
  expect(await json()).toBe(before);

  await edit(page, 'SEV1');
  const inspector = page.locator(sel('INSPECTOR'));
  await inspector.getByLabel('Acknowledge within', { exact: true }).fill('2h');
  await expect(page.locator('.chip[data-pointer="/tiers/0/timelines/acknowledge"]')).toContainText('2h');
  await page.locator(sel('UNDO')).click();
  await expect(page.locator('.chip[data-pointer="/tiers/0/timelines/acknowledge"]')).toContainText('15m');
  await page.locator(sel('REDO')).click();
  await expect(page.locator('.chip[data-pointer="/tiers/0/timelines/acknowledge"]')).toContainText('2h');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.chip[data-pointer="/tiers/0/timelines/acknowledge"]')).toContainText('15m');
  await expect(inspector.getByLabel('Acknowledge within', { exact: true })).toHaveValue('15m');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.chip[data-pointer="/tiers/0/timelines/acknowledge"]')).toContainText('2h');
  expect(problems).toEqual([]);
});

test('steps reorder by keyboard and by dragging; deleting a referenced person asks and says what breaks', async ({ page }) => {
  const problems = await open(page);
  await edit(page, 'SEV1 Critical');
  const rows = page.locator(sel('STEP_ROW'));
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('Engineering leadership');
  // keyboard: Alt+Up on the handle of step 3
  await rows.nth(2).locator('.handle').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows.nth(1)).toContainText('Engineering leadership');
  // drag step 2 back below step 3
  // (by hand: locator.dragTo can scroll the inspector between press and move, and then
  // Chromium starts no drag)
  await rows.nth(2).scrollIntoViewIfNeeded();
  await rows.nth(1).locator('.handle').scrollIntoViewIfNeeded();
  const from = await rows.nth(1).locator('.handle').boundingBox();
  const to = await rows.nth(2).boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(rows.nth(2)).toContainText('Engineering leadership');
  await expect(page.locator(sel('RUNG')).first().locator(sel('STEP')).nth(2)).toContainText('Engineering leadership');

  await edit(page, 'Farah Rahman');
  let question = '';
  page.once('dialog', (d) => {
    question = d.message();
    d.dismiss();
  });
  await page.getByRole('button', { name: 'Delete this person' }).click();
  expect(question).toContain('refer');
  await expect(page.locator(sel('PERSON'))).toHaveCount(10);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete this person' }).click();
  await expect(page.locator(sel('PERSON'))).toHaveCount(9);
  await expect(page.locator(sel('STATUS'))).toContainText('error');
  await page.locator(sel('UNDO')).click();
  await expect(page.locator(sel('PERSON'))).toHaveCount(10);
  await expect(page.locator(sel('STATUS'))).toHaveText('valid, no warnings');
  expect(problems).toEqual([]);
});

test('a ladder file dropped on the page opens as a new ladder; a broken one changes nothing', async ({ page }) => {
  const problems = await open(page);
  const drop = (name, text) => page.evaluate(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  await drop('broken.json', '{ "format": "rungs.ladder/v1", "name": ');
  await expect(page.locator(sel('IMPORT_ERROR'))).toContainText('broken.json: line 1');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  await drop('startup.json', readFileSync(new URL('../../public/examples/startup.json', import.meta.url), 'utf8'));
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Loaf & Ledger');
  await expect(page.locator(sel('IMPORT_ERROR'))).toHaveCount(0);
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(2);
  // rename and delete from the library
  const names = page.locator(`${sel('LIBRARY_ENTRY')} input`);
  await names.first().fill('Loaf & Ledger (drill copy)');
  await names.first().press('Enter');
  await page.locator(sel('NAV_DESIGN')).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Loaf & Ledger (drill copy)');
  await page.locator(sel('NAV_LIBRARY')).click();
  page.once('dialog', (d) => d.accept());
  await page.locator(sel('LIBRARY_ENTRY')).filter({ has: page.locator('.badge') }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(1);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveCount(0);
  await page.locator(sel('NAV_DESIGN')).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform');
  expect(problems).toEqual([]);
});

test('a message template previews with sample values; Copy JSON puts the ladder on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await open(page);
  await add(page, 'templates');
  const inspector = page.locator(sel('INSPECTOR'));
  await inspector.getByLabel('Message', { exact: true }).fill('Update on {{incident}}: ');
  await inspector.getByRole('button', { name: '{{tier}}' }).click();
  await expect(inspector.getByLabel('Message', { exact: true })).toHaveValue('Update on {{incident}}: {{tier}}');
  await expect(page.locator(sel('TEMPLATE_PREVIEW'))).toHaveText('Update on INC-1042: SEV1 Critical');
  // a placeholder the format does not know is flagged on the field (typed after a pause,
  // so it is an undo step of its own: a run of typing in one field is one step)
  await page.waitForTimeout(1100);
  await inspector.getByLabel('Message', { exact: true }).fill('{{severity}}');
  await expect(inspector.locator('.field.invalid, .field.warned').filter({ hasText: 'Message' })).toHaveCount(1);
  await page.locator(sel('UNDO')).click();
  await page.locator(sel('NAV_SHARE')).click();
  await page.locator(sel('COPY_JSON')).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.templates.at(-1).body).toBe('Update on {{incident}}: {{tier}}');
  expect(problems).toEqual([]);
});

test('the inspector opens beside the entry being edited, wherever the page is scrolled, and nothing scrolls inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const inspector = page.locator(sel('INSPECTOR'));
  // no panel of the side column scrolls on its own
  const ownScroll = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.side-col, .side-col *')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)).length,
    );
  expect(await ownScroll()).toBe(0);
  // SEV3 is far down the page: its form opens beside it, and the page does not jump
  const sev3 = page.locator(sel('RUNG')).nth(2);
  await sev3.scrollIntoViewIfNeeded();
  await edit(page, 'SEV3 Minor');
  await expect(inspector.getByLabel('Name', { exact: true })).toBeFocused();
  const inView = async (loc) => {
    const b = await loc.boundingBox();
    return b.y < 900 && b.y + Math.min(b.height, 100) > 0;
  };
  expect(await inView(inspector)).toBe(true);
  expect(await inView(sev3.locator(sel('RUNG_NAME')))).toBe(true);
  // the page makes room for it: the tier is not under the drawer
  const drawer = await inspector.boundingBox();
  const tier = await sev3.boundingBox();
  expect(tier.x + tier.width).toBeLessThanOrEqual(drawer.x);
  await page.keyboard.press('Escape');
  await expect(inspector).not.toHaveClass(/drawer/);
});

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });
  test('a new person starts in the browser\'s time zone, and Escape closes the inspector', async ({ page }) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto('/');
    await add(page, 'people');
    const inspector = page.locator(sel('INSPECTOR'));
    await expect(inspector.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(inspector.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Tokyo');
    await page.keyboard.press('Escape');
    await expect(inspector).not.toContainText('Time zone');
    // the summary counts in words that agree with the number
    await expect(page.locator('.summary .stats li').first()).toHaveText('4 tiers');
    expect(problems).toEqual([]);
  });

  test('date-time pickers read the rotation\'s zone and the facilitator\'s, and say the time in UTC too', async ({ page }) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto('/');
    const inspector = page.locator(sel('INSPECTOR'));
    // APAC primary hands over in Singapore: its first shift, 23:00 UTC on Sunday, is 07:00 on Monday there
    await edit(page, 'APAC primary');
    const start = inspector.getByLabel('First shift starts, in the rotation\'s time zone', { exact: true });
    await expect(start).toHaveAttribute('type', 'datetime-local');
    await expect(start).toHaveValue('2026-01-05T07:00');
    await expect(inspector.locator(sel('INSTANT_NOTE'))).toHaveText('Mon 5 Jan, 07:00 UTC+8 (Asia/Singapore) · Sun 4 Jan, 23:00 UTC');
    // picking 09:00 there stores 01:00 UTC
    await start.fill('2026-01-05T09:00');
    await expect(inspector.locator(sel('INSTANT_NOTE'))).toContainText('Mon 5 Jan, 01:00 UTC');
    // a new zone keeps the instant and shows it on the new zone's clock
    await inspector.getByLabel('Time zone', { exact: true }).fill('Europe/London');
    await expect(start).toHaveValue('2026-01-05T01:00');
    await page.locator(sel('NAV_SHARE')).click();
    const saved = JSON.parse(await page.locator(sel('SHARE_JSON')).textContent());
    expect(saved.rotations.find((r) => r.id === 'apac-primary').start).toBe('2026-01-05T01:00:00Z');
    // a scenario's start is picked on the facilitator's own clock, here Tokyo's
    await page.locator(sel('NAV_DRILL')).click();
    await page.getByRole('button', { name: 'Edit this scenario' }).click();
    const form = page.locator(sel('SCENARIO_FORM'));
    const scenarioStart = form.getByLabel('Starts at, your time in Asia/Tokyo (decides who is on call)', { exact: true });
    await expect(scenarioStart).toHaveValue('2026-03-14T12:00');
    await expect(form.locator(sel('INSTANT_NOTE'))).toHaveText('Sat 14 Mar, 12:00 JST (Asia/Tokyo) · Sat 14 Mar, 03:00 UTC');
    expect(problems).toEqual([]);
  });
});

test('typing in a field redraws what changed, not the inspector, the other rungs or the on-call lines around it', async ({ page }) => {
  const problems = await open(page);
  await page.locator('.d-rung').first().click();
  const name = page.locator('#f-tiers-0-name');
  await expect(name).toBeVisible();
  // elements of the form that the name does not touch, marked before typing
  await page.evaluate(() => {
    document.querySelector('#f-tiers-0-owners-detection optgroup').__kept = true;
    document.querySelector('#f-tiers-0-rank').__kept = true;
  });
  // and, in the diagram and the rung cards, count the attributes written outside the
  // first rung: a redraw in place writes every attribute of what it redraws
  await page.evaluate(() => {
    window.__writes = [];
    const firstRung = document.querySelector('.d-rung');
    window.__watch = new MutationObserver((list) => {
      for (const m of list) {
        if (m.type !== 'attributes' || firstRung.contains(m.target)) continue;
        window.__writes.push(`${m.target.getAttribute('class') ?? m.target.tagName} ${m.attributeName}`);
      }
    });
    for (const watched of document.querySelectorAll('[data-testid="diagram"], [data-testid="on-call-now"]')) {
      window.__watch.observe(watched, { subtree: true, attributes: true });
    }
  });
  const before = await name.inputValue();
  await name.focus();
  await name.press('End');
  await page.keyboard.type(' (b)');
  await expect(page.locator('.d-rung .d-name').first()).toHaveText(`${before} (b)`);
  // the other rungs, the triggers, the arrows and every "On call now" line stay as they
  // were (the diagram used to be redrawn whole: every attribute of every rung written
  // again for each keystroke)
  expect(await page.evaluate(() => window.__writes)).toEqual([]);
  await expect(name).toHaveValue(`${before} (b)`);
  // the owner picker's choices and the rank field are the very same elements: the
  // inspector's form was not drawn again for a keystroke (it was, for every one, and on
  // a 500-person ladder that cost about 150 ms of script, style and layout)
  const kept = await page.evaluate(() => [
    document.querySelector('#f-tiers-0-owners-detection optgroup').__kept === true,
    document.querySelector('#f-tiers-0-rank').__kept === true,
  ]);
  expect(kept).toEqual([true, true]);
  await expect(name).toBeFocused();
  expect(problems).toEqual([]);
});
