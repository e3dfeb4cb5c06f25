#!/usr/bin/env node
// Checks two rules of the code's shape (README, "How the code is shaped") that neither the
// compiler nor clippy checks:
//  - no import circle between the files of `src/` (`use crate::…`, `use super::…`);
//  - no function longer than 80 lines outside tests (`#[cfg(test)]` modules, `tests.rs`).
// Prints each breach and exits 1 if there is one. Usage: node scripts/check-shape.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SRC = join(ROOT, 'src');
const MAX_LINES = 80;

const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.rs') ? [join(dir, e.name)] : []));
const isTestFile = (file) => /(^|[/_])tests\.rs$/.test(file);

/** `src/ui/router.rs` → ['ui', 'router']; `src/ui/mod.rs` → ['ui']; `src/lib.rs` → []. */
function modulePath(file) {
  const parts = relative(SRC, file).replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}

/** The file of the longest module prefix of `path` that has one. */
function fileOf(path) {
  for (let n = path.length; n >= 0; n -= 1) {
    const p = path.slice(0, n);
    for (const f of [join(SRC, ...p) + '.rs', join(SRC, ...p, 'mod.rs'), ...(n === 0 ? [join(SRC, 'lib.rs')] : [])]) {
      if (existsSync(f)) return f;
    }
  }
  return null;
}

/** The code before the file's test module. */
const withoutTests = (text) => text.split(/\n#\[cfg\(test\)\]\s*\nmod \w+/)[0];

/** Every path a `use` declaration names: `use crate::a::{b, c::d}` → crate::a::b, crate::a::c::d. */
function usePaths(text) {
  const out = [];
  for (const m of text.matchAll(/^\s*(?:pub(?:\([^)]*\))? )?use ((?:crate|super)::[^;]+);/gms)) {
    const expand = (prefix, tree) => {
      tree = tree.trim();
      const brace = tree.indexOf('{');
      if (brace < 0) return [prefix + tree.split(/\s+as\s+/)[0]];
      const head = prefix + tree.slice(0, brace);
      const body = tree.slice(brace + 1, tree.lastIndexOf('}'));
      const items = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i <= body.length; i += 1) {
        const c = body[i];
        if (c === '{') depth += 1;
        if (c === '}') depth -= 1;
        if ((c === ',' && depth === 0) || i === body.length) {
          if (body.slice(start, i).trim()) items.push(body.slice(start, i));
          start = i + 1;
        }
      }
      return items.flatMap((item) => (item.trim() === 'self' ? [head.replace(/::$/, '')] : expand(head, item)));
    };
    out.push(...expand('', m[1].replace(/\s+/g, ' ')));
  }
  return out;
}

const files = walk(SRC);
const edges = new Map();
for (const file of files) {
  if (isTestFile(file)) continue;
  const own = modulePath(file);
  const isModRoot = /(^|\/)(mod|lib)\.rs$/.test(file);
  const targets = new Set();
  for (const path of usePaths(withoutTests(readFileSync(file, 'utf8')))) {
    let parts = path.split('::');
    if (parts[0] === 'crate') parts = parts.slice(1);
    else {
      // `super` from a module is its parent: each one drops a segment of the module's path.
      let base = own;
      while (parts[0] === 'super') {
        parts = parts.slice(1);
        base = base.slice(0, -1);
      }
      parts = [...base, ...parts];
    }
    const target = fileOf(parts);
    // A module's own children are its parts, not a circle (`mod.rs` re-exporting them).
    if (target && target !== file && !(isModRoot && target.startsWith(file.replace(/(mod|lib)\.rs$/, '')))) targets.add(target);
  }
  edges.set(file, targets);
}

// Tarjan's strongly connected components: a component of more than one file is a circle.
const circles = [];
{
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) circles.push(scc);
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
}

const long = [];
for (const file of files) {
  if (isTestFile(file)) continue;
  const lines = withoutTests(readFileSync(file, 'utf8')).split('\n');
  lines.forEach((line, i) => {
    const m = line.match(/^(\s*)(?:pub(?:\([^)]*\))? )?(?:const )?(?:async )?(?:unsafe )?fn (\w+)/);
    if (!m) return;
    const close = `${m[1]}}`;
    for (let j = i; j < lines.length; j += 1) {
      if (j > i && lines[j].startsWith(`${m[1]}fn `)) return; // a declaration without a body
      if (lines[j].trimEnd().endsWith(';') && j === i) return;
      if (lines[j] === close || (j === i && line.trimEnd().endsWith('}'))) {
        const n = j - i + 1;
        if (n > MAX_LINES) long.push(`${relative(ROOT, file)}:${i + 1} fn ${m[2]}: ${n} lines`);
        return;
      }
    }
  });
}

for (const c of circles) console.log(`import circle: ${c.map((f) => relative(ROOT, f)).join(' → ')}`);
for (const l of long) console.log(`function over ${MAX_LINES} lines: ${l}`);
console.log(`check-shape: ${edges.size} files, ${circles.length} import circle(s), ${long.length} function(s) over ${MAX_LINES} lines`);
process.exit(circles.length || long.length ? 1 : 0);
