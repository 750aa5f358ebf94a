// The drill room as a facilitator uses it: a live drill with one person played in the room.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sel } from './testids.mjs';

/** Opens the drill room on checkout-3am with Emi played in the room at `speed`; returns
 * the list the page's errors go to. */
async function setUpDrill(page, speed) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  await page.locator(`${sel('HUMAN')}[data-person="emi"]`).check();
  await page.locator(sel('DRILL_SPEED')).selectOption(speed);
  return problems;
}

test('a live drill at 1200x runs to resolution with a human acknowledging through the card; the scorecard and the debriefs show that run', async ({ page }) => {
  const problems = await setUpDrill(page, '1200');
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SIM_CLOCK'))).toContainText('+00:');
  // the facilitator notes something while the clock runs
  await page.locator('.injects summary').click();
  await page.locator(sel('DRILL_NOTE')).fill('Bridge opened by <b>Ana</b>');
  await page.getByRole('button', { name: 'Add note' }).click();
  // an inject says it took
  await expect(page.locator(sel('INJECT_DONE'))).toHaveText(/^\+\d\d:\d\d:\d\d(\.\d{3})?: note added to the timeline\.$/);
  // Emi's pages wait for her: acknowledge each one as it comes, until the run ends.
  let acks = 0;
  const scorecard = page.locator(sel('SCORECARD'));
  for (let i = 0; i < 200 && !(await scorecard.isVisible()); i++) {
    const card = page.locator(sel('PAGE_CARD'));
    if (await card.count()) {
      await expect(card.first()).toContainText('Emi');
      if (acks === 0) {
        // the card says what paged her and when it escalates; the clock slows to 1x
        // meanwhile, so the facilitator is not overtaken by the next step
        await expect(card.first().locator(sel('PAGE_SOURCE'))).toContainText(/SEV\d \w+ (step \d(, via [A-Z][\w ]+)?|communication owner)/);
        await expect(card.first().locator(sel('PAGE_COUNTDOWN'))).toContainText(/escalates in (\d+m)?\d+s|escalating now/);
        await expect(page.locator(sel('DRILL_SLOWED'))).toContainText('1×');
        const before = await page.locator(sel('SIM_CLOCK')).textContent();
        await page.waitForTimeout(1000);
        const after = await page.locator(sel('SIM_CLOCK')).textContent();
        const secs = (t) => t.match(/\+(\d\d):(\d\d):(\d\d)/).slice(1).reduce((s, n) => s * 60 + Number(n), 0);
        expect(secs(after) - secs(before)).toBeLessThanOrEqual(3);
      }
      await card.first().locator(sel('ACKNOWLEDGE')).click();
      acks += 1;
    } else {
      await page.waitForTimeout(100);
    }
  }
  await expect(scorecard).toBeVisible({ timeout: 40_000 });
  expect(acks).toBeGreaterThan(0);

  // every mark is explained by the legend, and tells what happened when chosen
  const ack = page.locator(sel('TIMELINE')).locator('.tl-mark.acknowledged').first();
  await expect(ack).toBeAttached();
  await ack.focus();
  await expect(page.locator(sel('TIMELINE_DETAIL'))).toHaveText(/^\+\d\d:\d\d:\d\d(\.\d{3})? Emi Sato acknowledged$/);
  await expect(page.locator('.tl-legend li')).toHaveCount(10);
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
  const two = (n) => String(n).padStart(2, '0');
  const shown =
    secs < 60 ? `${secs}s`
    : secs < 3600 ? `${Math.floor(secs / 60)}m${two(secs % 60)}s`
    : `${Math.floor(secs / 3600)}h${two(Math.floor(secs / 60) % 60)}m${two(secs % 60)}s`;
  await expect(measured('Time to acknowledge')).toHaveText(shown);

  const [md] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DEBRIEF_MD')).click()]);
  expect(md.suggestedFilename()).toBe('nimbus-cloud-platform-debrief.md');
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('# Drill debrief: Nimbus Cloud Platform');
  expect(text).toContain('| Time to acknowledge |');
  expect(text).toContain('acknowledged Emi');
  // quoted text is escaped, so it never becomes markup where the Markdown is read
  expect(text).toMatch(/## Facilitator's notes\n\n- \+\d\d:\d\d:\d\d(\.\d{3})? Bridge opened by \\<b\\>Ana\\<\/b\\>\n/);
  expect(text).not.toContain('<b>');
  // the notes are on the scorecard too, as text
  await expect(page.locator(sel('DEBRIEF_NOTES'))).toContainText('Bridge opened by <b>Ana</b>');
  await expect(page.locator(sel('DEBRIEF_NOTES')).locator('b')).toHaveCount(0);

  // the print view: the finished drill alone, headed for paper, every event listed
  await page.locator(sel('PRINT_VIEW')).click();
  // the stylesheet hides the rest of the page from the root's class
  const printing = () => page.evaluate(() => document.documentElement.classList.contains('printing-debrief'));
  expect(await printing()).toBe(true);
  const head = page.locator(sel('DEBRIEF_HEAD'));
  await expect(head.locator('h2')).toBeFocused();
  await expect(head).toContainText('Drill debrief: Nimbus Cloud Platform');
  await expect(head).toContainText('Played by people in the room');
  await expect(head).toContainText('Emi');
  await expect(page.locator(sel('STUDY'))).toBeHidden();
  await expect(page.locator(sel('SCENARIO_PICK')).first()).toBeHidden();
  await expect(page.locator(sel('DRILL_SPEED'))).toBeHidden();
  await expect(page.locator(sel('DEBRIEF_EVENTS')).locator('li')).toHaveCount(debrief.events.length);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator(sel('DEBRIEF_MD'))).toBeHidden();
  await expect(scorecard.locator('table')).toBeVisible();
  await expect(page.locator(sel('TIMELINE'))).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  expect(sheets).toBeGreaterThanOrEqual(1);
  expect(sheets).toBeLessThanOrEqual(6);
  if (process.env.RUNGS_SCREENSHOTS) {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: 'docs/debrief-print.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.emulateMedia({ media: 'screen' });
  await page.locator(sel('PRINT_VIEW_CLOSE')).click();
  expect(await printing()).toBe(false);
  await expect(page.locator(sel('PRINT_VIEW'))).toBeFocused();
  await expect(page.locator(sel('STUDY'))).toBeVisible();
  await expect(page.locator(sel('DEBRIEF_HEAD'))).toHaveCount(0);
  if (process.env.RUNGS_SCREENSHOTS) {
    // the sticky top bar would cover the element in its screenshot
    await page.evaluate(() => { for (const s of ['.topbar', '.drill-status']) document.querySelector(s).style.position = 'static'; });
    await page.locator(sel('LIVE_DRILL')).screenshot({ path: 'docs/drill.png' });
  }
  // the finished drill joins the ladder's past drills, and is still there after a reload
  const past = page.locator(sel('PAST_DRILL'));
  await expect(past).toHaveCount(1);
  await expect(past).toContainText('Checkout errors at 3 a.m.');
  await expect(past).toContainText(/Final tier SEV\d .* · acknowledged in /);
  await page.reload();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('PAST_DRILL'))).toHaveCount(1);
  const [again] = await Promise.all([page.waitForEvent('download'), page.locator(sel('PAST_DRILL')).getByRole('button', { name: 'Debrief (Markdown)' }).click()]);
  expect(readFileSync(await again.path(), 'utf8')).toBe(text);
  page.once('dialog', (d) => d.accept());
  await page.locator(sel('PAST_DRILL')).getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator(sel('PAST_DRILL'))).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a clock tick redraws only what it changes: the clock, the now line, the deadlines and the countdown, not the timeline around them', async ({ page }) => {
  // at 1200x until Emi is paged, then at 1x while her page waits (the clock shows
  // milliseconds then, so every tick changes it)
  const problems = await setUpDrill(page, '1200');
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('PAGE_COUNTDOWN')).first()).toBeVisible({ timeout: 20_000 });
  // Count, over two seconds of ticks, the attributes written in the drill room. A tick
  // that redraws the timeline in place rewrites every attribute of its lanes, ticks and
  // marks (308 a tick before); the deadlines or the page card redrawn whole would add
  // about ten. One that moves only what changed writes three: the now line's x1 and x2
  // and the timeline's summary. At 1x a new event in the window is rare; it adds a few.
  const { ticks, writes } = await page.evaluate(async (clock) => {
    let ticks = 0;
    let writes = 0;
    const count = new MutationObserver((list) => {
      for (const m of list) {
        if (m.type === 'attributes') writes += 1;
        else if (m.target.parentElement?.closest(clock) || m.target.closest?.(clock)) ticks += 1;
      }
    });
    count.observe(document.querySelector('[data-testid="live-drill"]'), { subtree: true, attributes: true, childList: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    count.disconnect();
    return { ticks, writes };
  }, sel('SIM_CLOCK'));
  expect(ticks).toBeGreaterThan(5);
  expect(writes / ticks).toBeLessThan(6);
  expect(problems).toEqual([]);
});

test('the drill setup says who the scenario pages first, and seats them until the facilitator chooses', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  // 3 a.m. on a Saturday: only APAC primary has someone on, Emi; the other two
  // rotations of step 1 are outside their hours
  await expect(page.locator(sel('FIRST_PAGE'))).toHaveText(
    /^The incident opens Sat 14 Mar, 03:\d\d UTC in SEV\d \w+\. Step 1 pages Emi Sato via APAC primary; EMEA primary and Americas primary are outside their hours\.$/,
  );
  await expect(page.locator(`${sel('HUMAN')}:checked`)).toHaveCount(1);
  await expect(page.locator(`${sel('HUMAN')}[data-person="emi"]`)).toBeChecked();
  await expect(page.locator('label', { has: page.locator(`${sel('HUMAN')}[data-person="emi"]`) })).toContainText('paged first');
  await expect(page.locator('label', { has: page.locator(`${sel('HUMAN')}[data-person="emi"]`) })).toContainText('APAC primary');
  // the facilitator's choice holds, also after a visit elsewhere
  await page.locator(`${sel('HUMAN')}[data-person="emi"]`).uncheck();
  await page.locator(`${sel('HUMAN')}[data-person="ben"]`).check();
  await page.locator(sel('NAV_DESIGN')).click();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(`${sel('HUMAN')}[data-person="emi"]`)).not.toBeChecked();
  await expect(page.locator(`${sel('HUMAN')}[data-person="ben"]`)).toBeChecked();
  expect(problems).toEqual([]);
});

// Opens the drill room on the SaaS example and adds a scenario; collects page errors.
async function newScenario(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  await page.locator(sel('NEW_SCENARIO')).click();
  return { problems, form: page.locator(sel('SCENARIO_FORM')) };
}

// The first signal's step chart in the scenario form, scrolled into view: its points,
// its text field, and `at(x, y)`, the page position of fractions of its plot.
async function stepChart(form) {
  const chart = form.locator(sel('STEP_CHART')).first();
  await chart.scrollIntoViewIfNeeded();
  const plot = await chart.locator('.plot').boundingBox();
  return {
    chart,
    plot,
    handles: chart.locator(sel('CHART_POINT')),
    text: form.getByLabel('Points', { exact: true }),
    at: (x, y) => [plot.x + x * plot.width, plot.y + (1 - y) * plot.height],
  };
}

test('a scenario created in the UI runs, survives a reload and travels in a share link', async ({ page, browser }) => {
  const { problems, form } = await newScenario(page);
  await form.getByLabel('Scenario name', { exact: true }).fill('Night DB failover');
  // the picker shows the facilitator's own clock (UTC in this browser), and says it in UTC
  await form.getByLabel('Starts at, your time in UTC (decides who is on call)', { exact: true }).fill('2026-04-04T02:00');
  await expect(form.locator(sel('INSTANT_NOTE'))).toHaveText('Sat 4 Apr, 02:00 UTC');
  await form.getByLabel('Points', { exact: true }).fill('0m=0.01, 5m=x');
  await expect(form.locator(sel('FIELD_ERROR'))).toContainText('`x` is not a number');
  await form.getByLabel('Points', { exact: true }).fill('0m=0.01, 5m=0.4');
  await expect(form.locator(sel('FIELD_ERROR'))).toHaveCount(0);
  await form.locator('.step-chart path').waitFor();
  await form.locator('label', { hasText: 'or a note' }).locator('input').fill('The DBA is on holiday');
  await form.getByRole('button', { name: 'Add note' }).click();
  await expect(form.locator('.injects-list li')).toContainText(['The DBA is on holiday']);
  await expect(page.locator(sel('SCENARIO'))).toHaveCount(3);
  // it runs (nobody in the room: the simulated responders answer every page)
  await page.locator(sel('DRILL_SPEED')).selectOption('1200');
  // (the :checked list shrinks as boxes are unticked: always untick the first)
  const ticked = page.locator(`${sel('HUMAN')}:checked`);
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
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

test('a signal is edited on its step chart: drag a point, click to add one, arrow keys, Delete and double-click', async ({ page }) => {
  const { problems, form } = await newScenario(page);
  const { chart, plot, handles, text, at } = await stepChart(form);
  // `0m=0, 5m=0.1` → [[0, 0], [300, 0.1]] (seconds, value)
  const points = async () =>
    (await text.inputValue()).split(',').map((p) => {
      const [at, v] = p.trim().split('=');
      const secs = [...at.matchAll(/(\d+)([hms])/g)].reduce((s, [, n, u]) => s + Number(n) * { h: 3600, m: 60, s: 1 }[u], 0);
      return [secs, Number(v)];
    });
  await expect(handles).toHaveCount(2);
  // the chart names its signal by the service's name, with the unit its metric implies,
  // and its time axis
  await expect(form.locator(sel('STEP_CHART_TITLE')).first()).toHaveText(/^[A-Z][\w ]+ \w+( \(.+\))?$/);
  await expect(chart).toContainText("time from the scenario's start");
  const [first, second] = await points();
  expect(first).toEqual([0, 0]);
  // the chart's top value; it rescales when the points change
  const topOf = async () =>
    Number((await chart.locator('.tick').first().textContent()).replace(/k$/, 'e3').replace(/M$/, 'e6'));
  let top = await topOf();
  expect(top).toBeGreaterThan(second[1]);
  const near = (secs, want) => Math.abs(secs - want) <= 60;

  // drag the second point to a quarter of the 8 h horizon, 40 % up the chart
  const box = await handles.nth(1).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(...at(0.1, 0.2), { steps: 4 });
  await page.mouse.move(...at(0.25, 0.4), { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await points())[1][1]).toBeCloseTo(top * 0.4, 6);
  let now = await points();
  expect(now).toHaveLength(2);
  expect(near(now[1][0], 2 * 3600)).toBe(true);
  // the whole drag is one step of undo
  const dragged = await text.inputValue();
  await page.locator(sel('UNDO')).click();
  await expect(text).toHaveValue(`0m=0, 5m=${second[1]}`);
  await page.locator(sel('REDO')).click();
  await expect(text).toHaveValue(dragged);

  // a click on the chart adds a point in time order (measured again: undo and redo
  // bring the edited field into view, which may scroll the page)
  top = await topOf();
  const { at: atNow } = await stepChart(form);
  await page.mouse.click(...atNow(0.125, 0.6));
  await expect(handles).toHaveCount(3);
  now = await points();
  expect(near(now[1][0], 3600)).toBe(true);
  expect(now[1][1]).toBeCloseTo(top * 0.6, 6);
  expect(near(now[2][0], 2 * 3600)).toBe(true);

  // the arrow keys step the focused point; it cannot pass its neighbours
  await handles.nth(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await points())[1][1]).toBeGreaterThan(now[1][1]);
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => { const p = await points(); return p[2][0] - p[1][0]; }).toBe(60);
  now = await points();
  await expect(handles.nth(1)).toHaveAttribute('aria-valuetext', /^from \S+ on: [\d.]+$/);

  // Delete removes the focused point, a double-click another
  await page.keyboard.press('Delete');
  await expect(handles).toHaveCount(2);
  // removing the last point hands the focus to the one before it
  await handles.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(handles).toHaveCount(1);
  await expect(handles.nth(0)).toBeFocused();
  await page.locator(sel('UNDO')).click();
  await expect(handles).toHaveCount(2);
  await handles.nth(1).dblclick();
  await expect(handles).toHaveCount(1);
  await expect(text).toHaveValue('0m=0');
  // a double-click on the empty chart adds one point and keeps it
  await chart.scrollIntoViewIfNeeded();
  Object.assign(plot, await chart.locator('.plot').boundingBox());
  await page.mouse.dblclick(...at(0.6, 0.5));
  await expect(handles).toHaveCount(2);
  await page.waitForTimeout(700);
  await expect(handles).toHaveCount(2);
  await expect(form.locator(sel('FIELD_ERROR'))).toHaveCount(0);

  if (process.env.RUNGS_SCREENSHOTS) {
    await chart.scrollIntoViewIfNeeded();
    Object.assign(plot, await chart.locator('.plot').boundingBox());
    await page.mouse.click(...at(0.05, 0.3));
    await page.mouse.click(...at(0.4, 0.9));
    await page.mouse.click(...at(0.7, 0.1));
    await form.locator('.signal-edit').first().screenshot({ path: 'docs/step-chart.png' });
  }
  expect(problems).toEqual([]);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a step chart point follows a finger through the whole drag, and a tap adds a point', async ({ page }) => {
    const { problems, form } = await newScenario(page);
    const { handles, text, at } = await stepChart(form);
    await expect(handles).toHaveCount(2);
    const box = await handles.nth(1).boundingBox();
    const start = [box.x + box.width / 2, box.y + box.height / 2];
    // a finger drags the second point in several moves to half the horizon, at the bottom
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p[0], y: p[1] }] : [] });
    await touch('touchStart', start);
    const end = at(0.5, 0);
    for (let i = 1; i <= 8; i++) {
      await touch('touchMove', [start[0] + ((end[0] - start[0]) * i) / 8, start[1] + ((end[1] - start[1]) * i) / 8]);
    }
    await touch('touchEnd');
    // it went all the way (not one move and stop)
    await expect(text).toHaveValue(/^0m=0, (3h59m|4h|4h1m)=0$/);
    // a tap on the plot adds a point where it lands
    await page.touchscreen.tap(...at(0.25, 0));
    await expect(handles).toHaveCount(3);
    await expect(text).toHaveValue(/^0m=0, (1h59m|2h|2h1m)=0, (3h59m|4h|4h1m)=0$/);
    expect(problems).toEqual([]);
  });
});

test('a drill survives a visit to another page: paused while away, as it was on return, and it resumes', async ({ page }) => {
  const problems = await setUpDrill(page, '300');
  // the setup is kept too: players and speed
  await page.locator(sel('NAV_DESIGN')).click();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(`${sel('HUMAN')}[data-person="emi"]`)).toBeChecked();
  await expect(page.locator(sel('DRILL_SPEED'))).toHaveValue('300');
  await expect(page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`)).toBeChecked();
  await page.locator(sel('DRILL_START')).click();
  await expect(page.locator(sel('SIM_CLOCK'))).toContainText('+00:');
  await page.locator('.injects summary').click();
  await page.locator(sel('DRILL_NOTE')).fill('Typed, not yet added');
  await page.waitForTimeout(500);
  // away and back: the drill is where it was, paused, and says so
  await page.locator(sel('NAV_SHARE')).click();
  await page.waitForTimeout(700);
  await page.locator(sel('NAV_DRILL')).click();
  const clock = page.locator(sel('SIM_CLOCK'));
  await expect(clock).toContainText('+00:');
  await expect(page.locator(sel('DRILL_PAUSED_AWAY'))).toContainText('Paused while you were away');
  const then = await clock.textContent();
  await page.waitForTimeout(700);
  expect(await clock.textContent()).toBe(then);
  await page.locator('.injects summary').click();
  await expect(page.locator(sel('DRILL_NOTE'))).toHaveValue('Typed, not yet added');
  // Resume goes on from there
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.locator(sel('DRILL_PAUSED_AWAY'))).toHaveCount(0);
  await expect(clock).not.toHaveText(then);
  // Back to setup asks first: Cancel keeps the drill, OK returns to the players
  page.once('dialog', (d) => d.dismiss());
  await page.locator(sel('DRILL_SETUP')).click();
  await expect(clock).toBeVisible();
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await page.locator(sel('DRILL_SETUP')).click();
  expect(asked).toContain('Discard the drill under way');
  await expect(clock).toHaveCount(0);
  await expect(page.locator(`${sel('HUMAN')}[data-person="emi"]`)).toBeChecked();
  // a drill belongs to its ladder: another ladder's drill room starts empty
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="startup"] button`).click();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('DRILL_START'))).toHaveText('Start the drill');
  await expect(page.locator(sel('SIM_CLOCK'))).toHaveCount(0);
  expect(problems).toEqual([]);
});

test.describe('while the drill room\'s module loads', () => {
  // the service worker would answer the module's fetch itself, past the route below
  test.use({ serviceWorkers: 'block' });

  test('typed JSON that does not parse: the drill room drills the last ladder that did; a scenario chosen while the module loads is the one set up', async ({ page }) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/rungs-extras_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto('/');
    await page.locator('#source summary').click();
    const text = await page.locator(sel('SOURCE')).inputValue();
    await page.locator(sel('SOURCE')).fill(`${text} }`);
    await expect(page.locator(sel('STALE'))).toBeVisible();
    await page.locator(sel('NAV_DRILL')).click();
    await expect(page.locator('.extra-loading').first()).toBeVisible();
    await page.locator(`${sel('SCENARIO_PICK')}[value="latency-creep"]`).check();
    release();
    const firstPage = page.locator(sel('FIRST_PAGE'));
    await expect(firstPage).toHaveText(/^The incident opens .* Step 1 pages /);
    const shown = await firstPage.innerText();
    // the same text as choosing it once the module is in, and not checkout-3am's
    await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
    await expect(firstPage).toHaveText(/^The incident opens Sat 14 Mar, 03:/);
    await page.locator(`${sel('SCENARIO_PICK')}[value="latency-creep"]`).check();
    await expect(firstPage).toHaveText(shown);
    // the people it pages first are seated, and the drill starts
    await expect(page.locator(`${sel('HUMAN')}:checked`)).not.toHaveCount(0);
    await page.locator(sel('DRILL_START')).click();
    await expect(page.locator(sel('DRILL_SETUP'))).toBeVisible();
    await expect(page.locator(sel('LIVE_DRILL'))).not.toContainText('cannot run');
    expect(problems).toEqual([]);
  });
});
