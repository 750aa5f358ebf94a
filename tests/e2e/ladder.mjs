// The ladder the page holds, read through its JSON editor (opened and closed again).
import { expect } from '@playwright/test';
import { sel } from './testids.mjs';

/** The text of the ladder as the JSON editor shows it. */
export async function ladderText(page) {
  await page.getByText('Edit the ladder as JSON').click();
  await expect(page.locator(sel('SOURCE'))).not.toHaveValue('');
  const text = await page.locator(sel('SOURCE')).inputValue();
  await page.getByText('Edit the ladder as JSON').click();
  return text;
}

/** The ladder the page holds, parsed. */
export const ladderJson = async (page) => JSON.parse(await ladderText(page));
