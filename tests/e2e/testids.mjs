// The app's data-testid values, read from src/testid.rs so both sides share one source.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../src/testid.rs', import.meta.url), 'utf8');
export const testid = Object.fromEntries(
  [...source.matchAll(/pub const (\w+): &str = "([^"]+)";/g)].map(([, name, value]) => [name, value]),
);
export const sel = (name) => {
  if (!(name in testid)) throw new Error(`no testid ${name} in src/testid.rs`);
  return `[data-testid="${testid[name]}"]`;
};
