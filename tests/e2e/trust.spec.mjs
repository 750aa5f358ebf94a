// Nothing typed is lost and no link can hurt whoever opens it: two tabs, broken entries,
// switches inside the autosave pause, a damaged library, hostile share links.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { sel } from './testids.mjs';

const example = (key) => JSON.parse(readFileSync(new URL(`../../public/examples/${key}.json`, import.meta.url), 'utf8'));
const saas = example('saas');
const startup = example('startup');

/** Opens the app in `page`, collecting page errors and console errors. */
async function open(page, name = saas.name) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  if (name) await expect(page.locator(sel('LADDER_NAME'))).toHaveText(name);
  return problems;
}

/** The library as stored: the index and each entry's text. */
const stored = (page) => page.evaluate(() => {
  const index = JSON.parse(localStorage.getItem('rungs.library') ?? '[]');
  return index.map((e) => ({ ...e, text: localStorage.getItem(`rungs.ladder.${e.id}`) }));
});

/** The Ladders page's entry whose name field holds `name`. */
async function entryNamed(page, name) {
  const entries = page.locator(sel('LIBRARY_ENTRY'));
  await expect(entries.first()).toBeVisible();
  const n = await entries.count();
  for (let i = 0; i < n; i++) {
    if ((await entries.nth(i).locator('input').inputValue()) === name) return entries.nth(i);
  }
  throw new Error(`no library entry named ${name}`);
}

/** Renames the entry called `from` on the Ladders page. */
async function renameEntry(page, from, to) {
  await page.locator(sel('NAV_LIBRARY')).click();
  await renameHere(page, from, to);
}

/** Renames the entry called `from` on the Ladders page, on show. */
async function renameHere(page, from, to) {
  const input = (await entryNamed(page, from)).locator('input');
  await input.fill(to);
  await input.press('Enter');
}

/** Closes a page as a person closing the tab does (pagehide and unload run). */
const closeTab = (page) => page.close({ runBeforeUnload: true });

/** The share-link fragment of a ladder object (compact JSON, raw deflate, base64url). */
const linkOf = (ladder) => `/#ladder=1.${deflateRawSync(JSON.stringify(ladder)).toString('base64url')}`;

test('two tabs: a rename in one survives closing the untouched other, and both agree', async ({ context }) => {
  const a = await context.newPage();
  const problemsA = await open(a);
  const b = await context.newPage();
  const problemsB = await open(b);
  await renameEntry(a, saas.name, 'Renamed in tab A');
  // tab B hears of the save and shows it (it has no edits of its own)
  await b.locator(sel('NAV_DESIGN')).click();
  await expect(b.locator(sel('LADDER_NAME'))).toHaveText('Renamed in tab A');
  await expect(b.locator(sel('TAB_NOTICE'))).toContainText('changed in another tab');
  await closeTab(a);
  await closeTab(b);
  const c = await context.newPage();
  await open(c, 'Renamed in tab A');
  const library = await stored(c);
  expect(library.map((e) => e.name)).toEqual(['Renamed in tab A']);
  expect(JSON.parse(library[0].text).name).toBe('Renamed in tab A');
  expect([...problemsA, ...problemsB]).toEqual([]);
});

test('two tabs: a ladder deleted in one stays deleted when the other closes', async ({ context }) => {
  const a = await context.newPage();
  const problemsA = await open(a);
  await a.locator(sel('NAV_LIBRARY')).click();
  await a.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await expect(a.locator(sel('LADDER_NAME'))).toHaveText(startup.name);
  // tab B opens on the ladder last open: the startup one
  const b = await context.newPage();
  const problemsB = await open(b, startup.name);
  await a.locator(sel('NAV_LIBRARY')).click();
  a.once('dialog', (d) => d.accept());
  await a.locator(sel('LIBRARY_ENTRY')).filter({ has: a.locator('.badge') }).getByRole('button', { name: 'Delete' }).click();
  await expect(a.locator(sel('LIBRARY_ENTRY'))).toHaveCount(1);
  await expect(b.locator(sel('TAB_NOTICE'))).toContainText('deleted in another tab');
  await expect(b.locator(sel('LIBRARY_ENTRY'))).toHaveCount(1);
  await closeTab(b);
  await closeTab(a);
  const c = await context.newPage();
  await open(c);
  expect((await stored(c)).map((e) => e.name)).toEqual([saas.name]);
  expect([...problemsA, ...problemsB]).toEqual([]);
});

test('two tabs: edits not yet saved when the other tab saves become a conflict copy', async ({ context }) => {
  const a = await context.newPage();
  const problemsA = await open(a);
  const b = await context.newPage();
  const problemsB = await open(b);
  // B's clock stands still (CDP virtual time), so its edit is still unsaved when A saves
  await b.locator(sel('NAV_LIBRARY')).click();
  const cdp = await context.newCDPSession(b);
  await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pause' });
  await renameHere(b, saas.name, 'Edited in tab B');
  await renameEntry(a, saas.name, 'Edited in tab A');
  await expect.poll(async () => (await stored(a)).map((e) => e.name)).toEqual(['Edited in tab A']);
  await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'advance' });
  await expect(b.locator(sel('TAB_NOTICE'))).toContainText('Edited in tab B (conflict copy)');
  await expect(b.locator(sel('TAB_NOTICE'))).toContainText('changed in another tab');
  await expect(b.locator(sel('LIBRARY_ENTRY'))).toHaveCount(2);
  const library = await stored(b);
  const names = library.map((e) => e.name).sort();
  expect(names).toEqual(['Edited in tab A', 'Edited in tab B (conflict copy)']);
  for (const e of library) expect(JSON.parse(e.text).name).toBe(e.name);
  await closeTab(a);
  await closeTab(b);
  const c = await context.newPage();
  await open(c, null);
  expect((await stored(c)).map((e) => e.name).sort()).toEqual(names);
  expect([...problemsA, ...problemsB]).toEqual([]);
});

test('an entry whose JSON does not parse opens JSON-only; forms, undo and rename never write another ladder over it', async ({ page }) => {
  const problems = await open(page);
  const broken = '{ "format": "rungs.ladder/v1", "name": "Half typed", ';
  // type text that does not parse into the SaaS ladder: it is saved as typed
  await page.locator('#source summary').click();
  await page.locator(sel('SOURCE')).fill(broken);
  await expect(page.locator(sel('STALE'))).toBeVisible();
  // a visual edit or Undo now would throw the typed text away: both are refused
  await expect(page.locator(sel('UNDO'))).toBeDisabled();
  // Ctrl+Z outside the editor (inside it, the browser's own text undo applies)
  await page.locator(sel('SOURCE')).blur();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.inspector-body')).toHaveAttribute('disabled', '');
  await expect(page.locator(sel('SOURCE'))).toHaveValue(broken);
  // open another ladder, then the broken one again
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(startup.name);
  let library = await stored(page);
  expect(library.find((e) => e.name === saas.name).text).toBe(broken);
  await page.locator(sel('NAV_LIBRARY')).click();
  await (await entryNamed(page, saas.name)).getByRole('button', { name: 'Open' }).click();
  // JSON-only: the error and the text, no forms, no diagram, no other ladder
  await expect(page.locator(sel('BROKEN'))).toContainText('line 1');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveCount(0);
  await expect(page.locator(sel('RUNG'))).toHaveCount(0);
  await expect(page.locator(sel('ADD'))).toHaveCount(0);
  await expect(page.locator(sel('SOURCE'))).toHaveValue(broken);
  await expect(page.locator(sel('UNDO'))).toBeDisabled();
  await page.locator(sel('SOURCE')).blur();
  await page.keyboard.press('Control+z');
  await expect(page.locator(sel('SOURCE'))).toHaveValue(broken);
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('BROKEN'))).toBeVisible();
  // a rename from the Ladders page renames the entry and keeps its text as it is
  await renameEntry(page, saas.name, 'Broken, renamed');
  await page.waitForTimeout(400);
  library = await stored(page);
  expect(library.find((e) => e.name === 'Broken, renamed').text).toBe(broken);
  expect(library.map((e) => e.name).sort()).toEqual(['Broken, renamed', startup.name].sort());
  // a reload opens it the same way, with the JSON editor open on the text
  await page.reload();
  await expect(page.locator(sel('BROKEN'))).toBeVisible();
  await expect(page.locator('#source')).toHaveAttribute('open', '');
  await expect(page.locator(sel('SOURCE'))).toHaveValue(broken);
  // fixing the text brings the forms back with this ladder, and its own history
  await page.locator(sel('NAV_DESIGN')).click();
  const fixed = JSON.stringify({ ...startup, name: 'Fixed at last' }, null, 2);
  await page.locator(sel('SOURCE')).fill(fixed);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Fixed at last');
  await expect(page.locator(sel('BROKEN'))).toHaveCount(0);
  await expect(page.locator(sel('UNDO'))).toBeDisabled();
  expect(problems).toEqual([]);
});

test('switching ladders inside the autosave pause keeps the last edit, and typed JSON stays with its ladder', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(startup.name);
  // rename, then Open the other ladder at once (well inside the 250 ms pause)
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.evaluate(([from, to]) => {
    const input = [...document.querySelectorAll('.entry-name')].find((i) => i.value === from);
    input.value = to;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const other = [...document.querySelectorAll('.entry')].find((e) => !e.classList.contains('open'));
    [...other.querySelectorAll('button')].find((b) => b.textContent === 'Open').click();
  }, [startup.name, 'Renamed just before switching']);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  let library = await stored(page);
  expect(library.map((e) => e.name).sort()).toEqual(['Renamed just before switching', saas.name].sort());
  expect(JSON.parse(library.find((e) => e.name !== saas.name).text).name).toBe('Renamed just before switching');

  // typed JSON, then a file imported before the typing pause ends: the typed text
  // belongs to the ladder it was typed in, never to the one opened next
  await page.locator('#source summary').click();
  const typed = JSON.stringify({ ...saas, name: 'Typed, then switched' }, null, 2);
  await page.evaluate(([typed, file]) => {
    const area = document.getElementById('ladder-source');
    area.value = typed;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const dt = new DataTransfer();
    dt.items.add(new File([file], 'fintech.json', { type: 'application/json' }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [typed, JSON.stringify(example('fintech'))]);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(example('fintech').name);
  await page.waitForTimeout(500);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(example('fintech').name);
  library = await stored(page);
  expect(library.map((e) => e.name).sort()).toEqual(
    ['Renamed just before switching', 'Typed, then switched', example('fintech').name].sort(),
  );
  expect(JSON.parse(library.find((e) => e.name === 'Typed, then switched').text).name).toBe('Typed, then switched');
  expect(JSON.parse(library.find((e) => e.name === example('fintech').name).text).name).toBe(example('fintech').name);
  expect(problems).toEqual([]);
});

test('a switch asks before leaving edits the browser refused to store, and Cancel keeps them', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(startup.name);
  // storage is full from now on
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('rungs.ladder.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await renameEntry(page, startup.name, 'Not stored');
  await expect(page.locator(sel('STORAGE_ERROR'))).toContainText('quota');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await (await entryNamed(page, saas.name)).getByRole('button', { name: 'Open' }).click();
  expect(asked).toContain('could not be saved');
  // still on the edited ladder, the edit in place
  await page.locator(sel('NAV_DESIGN')).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Not stored');
  expect(problems).toEqual([]);
});

test('an edit is saved the moment the page is hidden', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_LIBRARY')).click();
  const saved = await page.evaluate((name) => {
    const input = document.querySelector('.entry-name');
    input.value = name;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    // read back at once, in the same task: no timer has run
    const index = JSON.parse(localStorage.getItem('rungs.library'));
    return JSON.parse(localStorage.getItem(`rungs.ladder.${index[0].id}`)).name;
  }, 'Saved on hide');
  expect(saved).toBe('Saved on hide');
  expect(problems).toEqual([]);
});

test('a damaged library index is rebuilt from the ladders stored, never emptied', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(startup.name);
  await page.waitForTimeout(400);
  await page.evaluate(() => localStorage.setItem('rungs.library', '[{"id": "trunc'));
  await page.reload();
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(2);
  // an edit and its save keep both
  await renameEntry(page, startup.name, 'After the repair');
  await page.waitForTimeout(400);
  const library = await stored(page);
  expect(library.map((e) => e.name).sort()).toEqual(['After the repair', saas.name].sort());
  expect(await page.evaluate(() => localStorage.getItem('rungs.library.damaged'))).toBe('[{"id": "trunc');
  expect(problems).toEqual([]);
});

test('the validation panel lists the first findings and counts the rest', async ({ page }) => {
  const problems = await open(page);
  const many = { ...startup, name: 'Many findings' };
  many.people = Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, timezone: 'UTC', roles: [`no-such-role-${i}`] }));
  await page.evaluate((file) => {
    const dt = new DataTransfer();
    dt.items.add(new File([file], 'many.json', { type: 'application/json' }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(many));
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Many findings');
  await expect(page.locator(sel('DIAGNOSTIC'))).toHaveCount(100);
  const more = page.locator(sel('MORE_FINDINGS'));
  await expect(more).toContainText('more not shown');
  await more.getByRole('button').click();
  await expect(page.locator(sel('DIAGNOSTIC'))).toHaveCount(200);
  // the people table draws 200 of its 400 rows, and the rest at a click
  await expect(page.locator(sel('PERSON'))).toHaveCount(200);
  await page.locator(sel('SHOW_MORE')).filter({ hasText: 'people' }).getByRole('button').click();
  await expect(page.locator(sel('PERSON'))).toHaveCount(400);
  await expect(page.locator(sel('SHOW_MORE')).filter({ hasText: 'people' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('Copy works without the Clipboard API, or says what to do', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const problems = await open(page);
  await page.locator(sel('NAV_SHARE')).click();
  await page.locator(sel('COPY_JSON')).click();
  await expect(page.getByRole('status').filter({ hasText: /Copied to the clipboard|select the text and copy it/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a share link carrying a 1 MB time-zone name says what is wrong within seconds and the page keeps answering', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const l = structuredClone(startup);
  l.people[0].timezone = 'A'.repeat(1 << 20);
  await page.goto(linkOf(l));
  await expect(page.locator(sel('LINK_ERROR'))).toContainText('unknown time zone `AAAA', { timeout: 10_000 });
  await expect(page.locator(sel('LINK_ERROR'))).toContainText('/people/0/timezone');
  // the message quotes the name cut short, not a megabyte of it
  expect((await page.locator(sel('LINK_ERROR')).textContent()).length).toBeLessThan(1000);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('NEW_LADDER'))).toBeVisible();
  expect(problems).toEqual([]);
});

test('a share link carrying a chain of 40,000 services opens within seconds and the page keeps answering', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const l = structuredClone(startup);
  const n = 40_000;
  l.services.push(...Array.from({ length: n }, (_, i) => ({
    id: `s${i}`, name: `Service ${i}`, ...(i + 1 < n ? { depends_on: [`s${i + 1}`] } : {}),
  })));
  await page.goto(linkOf(l));
  await expect(page.locator(sel('SHARED'))).toBeVisible({ timeout: 10_000 });
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(startup.name, { timeout: 10_000 });
  await expect(page.locator(sel('VIEWER_TIER')).first()).toBeVisible();
  // copied to edit (the app takes over from the viewer module and validates), the
  // services list draws its first 200 and counts the rest
  await page.locator(sel('MAKE_COPY')).click();
  await expect(page.locator(sel('SHARED'))).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator(sel('STATUS'))).toContainText('valid', { timeout: 10_000 });
  const total = (l.services.length).toLocaleString('en-US');
  const more = page.locator(sel('SHOW_MORE')).filter({ hasText: 'services' });
  await expect(more).toContainText(`Showing 200 of ${total} services`);
  await more.getByRole('button').click();
  await expect(more).toContainText(`Showing 400 of ${total} services`);
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('NEW_LADDER'))).toBeVisible();
  expect(problems).toEqual([]);
});
