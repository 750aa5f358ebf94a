#!/usr/bin/env node
// The layer check's own test: it passes a tree whose imports point down, and fails one
// with an upward import, one with a cycle, and a file outside every layer.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';

const script = new URL('./check-layers.mjs', import.meta.url).pathname;

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(files) {
  const root = tree({ 'crates/rungs-core/src/lib.rs': 'pub mod a;\n', 'crates/rungs-core/src/a.rs': '', ...files });
  const r = spawnSync('node', [script, '--root', root], { encoding: 'utf8' });
  rmSync(root, { recursive: true, force: true });
  return { ok: r.status === 0, out: r.stdout + r.stderr };
}

const good = {
  'src/lib.rs': 'pub mod app; pub mod state; pub mod platform; pub mod testid;\n',
  'src/app/mod.rs': 'use crate::state::doc::Doc;\nuse crate::testid;\n',
  'src/state/mod.rs': 'pub mod doc;\n',
  'src/state/doc.rs': 'use crate::platform::clock::{now, timed};\n// crate::app::App in a comment is no import\n',
  'src/platform/mod.rs': 'pub mod clock;\n',
  'src/platform/clock.rs': 'pub fn now() {}\n',
  'src/testid.rs': 'pub const APP: &str = "crate::app";\n',
};
let r = check(good);
assert.ok(r.ok, `a tree whose imports point down passes:\n${r.out}`);

r = check({ ...good, 'src/platform/clock.rs': 'use crate::state::doc::Doc;\n' });
assert.ok(!r.ok && /platform::clock -> state::doc: points up/.test(r.out), `an upward import fails:\n${r.out}`);

r = check({ ...good, 'src/state/mod.rs': 'pub mod doc; pub mod session;\n', 'src/state/session.rs': 'use super::doc::Doc;\n', 'src/state/doc.rs': 'use crate::state::{session::Session};\n' });
assert.ok(!r.ok && /cycle between files: state::doc -> state::session -> state::doc/.test(r.out), `a cycle fails:\n${r.out}`);

r = check({ ...good, 'src/misc.rs': '' });
assert.ok(!r.ok && /misc: not in a layer/.test(r.out), `a file outside the layers fails:\n${r.out}`);

r = check({ ...good, 'crates/rungs-core/src/lib.rs': 'pub mod a; pub mod b;\n', 'crates/rungs-core/src/a.rs': 'use crate::b::X;\n', 'crates/rungs-core/src/b.rs': 'pub struct X; fn f() { crate::a::g() }\n' });
assert.ok(!r.ok && /core .*problem/.test(r.out) && /a -> b -> a/.test(r.out), `a cycle in the core fails:\n${r.out}`);

console.log('check-layers: 5 cases pass');
