// What the drill measurements (measure-drill.mjs, compare-drill-start.mjs) share: a fresh
// page under a profile, the drill set up, and a click timed to what it changes.
import { throttle } from './measuring.mjs';
import { sel } from './testids.mjs';

/** A fresh page of `browser` on the start page at `origin` under `profile` (measuring.mjs's
 * PROFILES), with its CDP session and the page's errors. */
export async function drillPage(browser, origin, profile) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  await page.goto(origin);
  await page.locator('[data-testid="rung"]').first().waitFor({ timeout: 60_000 });
  return { context, page, cdp, problems };
}

/** Clicks `target` and times, from the click event, until the expression `done` holds in
 * the page (checked on every DOM mutation) and until the frame after it: [dom, frame] in
 * ms; with `early`, a third figure: until that expression first held. */
export async function timeClick(page, target, done, early = 'true') {
  await page.evaluate(([done, early]) => {
    window.__click = null;
    window.__result = null;
    window.__early = null;
    document.addEventListener('click', () => { window.__click = performance.now(); }, { capture: true, once: true });
    const check = new Function(`return ${done};`);
    const checkEarly = new Function(`return ${early};`);
    const observer = new MutationObserver(() => {
      if (window.__click === null) return;
      if (window.__early === null && checkEarly()) window.__early = performance.now() - window.__click;
      if (!check()) return;
      observer.disconnect();
      const dom = performance.now() - window.__click;
      requestAnimationFrame(() => { window.__result = [dom, performance.now() - window.__click, window.__early ?? dom]; });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, [done, early]);
  await target.click();
  return (await page.waitForFunction(() => window.__result, null, { timeout: 60_000 })).jsonValue();
}

/** Chooses checkout-3am at `speed`, with Emi played in the room or nobody. */
export async function setUp(page, speed, emi) {
  await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  for (const box of await page.locator(sel('HUMAN')).all()) {
    const want = emi && (await box.getAttribute('data-person')) === 'emi';
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
  await page.locator(sel('DRILL_SPEED')).selectOption(String(speed));
}
