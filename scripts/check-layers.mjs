#!/usr/bin/env node
// Checks the direction of every `crate::` and `super::` reference between modules.
//
//   node scripts/check-layers.mjs          check; exit 1 on an upward edge or a cycle
//   node scripts/check-layers.mjs --list   also print every edge, file to file
//   node scripts/check-layers.mjs --root DIR   check another checkout (the script's
//                                            own test, scripts/check-layers.test.mjs)
//
// The app (`src/`) is layered, top to bottom (ARCHITECTURE.md says what each holds):
//   app -> pages -> components -> widgets -> state -> platform -> rungs_core
// A file may name modules of its own layer or of a lower one, never of a higher one,
// and no set of files may name each other in a circle. `testid` is a leaf every layer
// may name; it names nothing. The core (`crates/rungs-core/src`) has no layers, but no
// cycles either, between files or between its top-level modules.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 ? process.argv[rootAt + 1] : new URL('..', import.meta.url).pathname;
const LAYERS = ['app', 'pages', 'components', 'widgets', 'state', 'platform'];
const LEAVES = ['testid'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'bin' ? [] : files(p);
    return name.endsWith('.rs') ? [p] : [];
  });
}

/** The module path of a file: src/a/b.rs and src/a/b/mod.rs are both ['a', 'b']. */
function modulePath(srcDir, file) {
  const parts = relative(srcDir, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, '');
  if (last !== 'mod' && last !== 'lib' && last !== 'main') parts.push(last);
  return parts;
}

/** Source without comments, string literals and `#[cfg(test)]` modules' contents. */
function code(text) {
  const noComments = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const at = noComments.search(/#\[cfg\(test\)\]\s*mod\s+\w+\s*\{/);
  return at < 0 ? noComments : noComments.slice(0, at);
}

/** Every path named after `crate::` or `super::`, `use` groups expanded, as segment lists. */
function references(src, self) {
  const out = [];
  const expand = (prefix, rest) => {
    // rest starts right after `prefix::`; it is a path, or a `{...}` group.
    if (rest.startsWith('{')) {
      let depth = 0;
      let item = '';
      for (const ch of rest) {
        if (ch === '{') {
          depth += 1;
          if (depth === 1) continue;
        }
        if (ch === '}') {
          depth -= 1;
          if (depth === 0) {
            if (item.trim()) expand(prefix, item.trim());
            break;
          }
        }
        if (ch === ',' && depth === 1) {
          if (item.trim()) expand(prefix, item.trim());
          item = '';
          continue;
        }
        item += ch;
      }
      return;
    }
    const m = rest.match(/^((?:\w+::)*)(\{|\w+)/);
    if (!m) return;
    const segs = m[1].split('::').filter(Boolean);
    if (m[2] === '{') {
      expand([...prefix, ...segs], rest.slice(m[1].length));
    } else {
      out.push([...prefix, ...segs, m[2]]);
    }
  };
  for (const m of src.matchAll(/\b(crate::|(?:super::)+)((?:\w+::)*(?:\{|\w+))/g)) {
    let prefix;
    if (m[1] === 'crate::') prefix = [];
    else {
      const ups = m[1].split('super').length - 1;
      prefix = self.slice(0, Math.max(0, self.length - ups));
    }
    const start = m.index + m[0].length - m[2].length;
    expand(prefix, src.slice(start));
  }
  return out;
}

function check(srcDir, { layered }) {
  const mods = new Map(); // 'a::b' -> file
  for (const f of files(srcDir)) mods.set(modulePath(srcDir, f).join('::'), f);
  // Names re-exported at the crate root (`crate::Ladder`) point into the module that
  // defines them.
  const definedIn = new Map();
  for (const [m, file] of mods) {
    if (m === '') continue;
    for (const d of code(readFileSync(file, 'utf8')).matchAll(/^pub (?:struct|enum|fn|type|trait|const|static) (\w+)/gm)) {
      definedIn.set(d[1], definedIn.has(d[1]) ? null : m);
    }
  }
  const edges = new Map(); // from -> Map(to -> count)
  const problems = [];
  for (const [from, file] of mods) {
    if (from === '') continue; // the crate root declares modules, it does not use them
    const self = from.split('::');
    for (const path of references(code(readFileSync(file, 'utf8')), self)) {
      // The longest prefix of the path that is a module is the file it points into.
      let to = null;
      for (let n = path.length; n > 0 && to === null; n--) {
        const cand = path.slice(0, n).join('::');
        if (mods.has(cand)) to = cand;
      }
      if (to === '' && path.length === 1) to = definedIn.get(path[0]) ?? null;
      if (to === null || to === '' || to === from) continue;
      // A module naming its own child (or parent naming via super within a file) is structure.
      if (to.startsWith(from + '::')) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from).set(to, (edges.get(from).get(to) ?? 0) + 1);
    }
  }
  const layerOf = (m) => {
    const top = m.split('::')[0];
    if (LEAVES.includes(top)) return 'leaf';
    return LAYERS.includes(top) ? top : null;
  };
  if (layered) {
    for (const m of mods.keys()) {
      if (m !== '' && layerOf(m) === null) {
        problems.push(`${m}: not in a layer (${LAYERS.join(', ')}) and not a leaf (${LEAVES.join(', ')})`);
      }
    }
    for (const [from, tos] of edges) {
      for (const to of tos.keys()) {
        const a = layerOf(from);
        const b = layerOf(to);
        if (a === 'leaf') problems.push(`${from} -> ${to}: the leaf ${from} may name nothing`);
        else if (b !== 'leaf' && a && b && LAYERS.indexOf(b) < LAYERS.indexOf(a)) {
          problems.push(`${from} -> ${to}: points up (${a} may name only ${LAYERS.slice(LAYERS.indexOf(a)).join(', ')})`);
        }
      }
    }
  }
  // Cycles between files, then between top-level modules.
  const cycles = (graph) => {
    const found = [];
    const state = new Map();
    const stack = [];
    const visit = (n) => {
      state.set(n, 1);
      stack.push(n);
      for (const t of graph.get(n) ?? []) {
        if (state.get(t) === 1) found.push([...stack.slice(stack.indexOf(t)), t].join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(n, 2);
    };
    for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
    return found;
  };
  const fileGraph = new Map([...edges].map(([f, tos]) => [f, [...tos.keys()].sort()]));
  for (const c of cycles(fileGraph)) problems.push(`cycle between files: ${c}`);
  const topGraph = new Map();
  for (const [f, tos] of edges) {
    const a = f.split('::')[0];
    for (const t of tos.keys()) {
      const b = t.split('::')[0];
      if (a === b) continue;
      if (!topGraph.has(a)) topGraph.set(a, new Set());
      topGraph.get(a).add(b);
    }
  }
  const topSorted = new Map([...topGraph].map(([a, s]) => [a, [...s].sort()]));
  for (const c of cycles(topSorted)) problems.push(`cycle between top-level modules: ${c}`);
  return { edges, problems, count: mods.size };
}

const list = process.argv.includes('--list');
let failed = false;
for (const [name, dir, layered] of [
  ['app', 'src', true],
  ['core', 'crates/rungs-core/src', false],
]) {
  const { edges, problems, count } = check(join(root, dir), { layered });
  const n = [...edges.values()].reduce((s, m) => s + m.size, 0);
  if (list) {
    for (const [from, tos] of [...edges].sort()) {
      for (const [to, k] of [...tos].sort()) console.log(`${name}: ${from} -> ${to} (${k})`);
    }
  }
  if (problems.length) {
    failed = true;
    console.error(`${name} (${dir}): ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(`${name} (${dir}): ${count} files, ${n} edges between them, every one points down, no cycle`);
  }
}
process.exit(failed ? 1 : 0);
