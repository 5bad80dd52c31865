#!/usr/bin/env node
// Renders Skerry's view of a bench-peers run (results.json written by run.sh) as Markdown: per step and per
// mode, Skerry's median time and its ratios to @sqlite.org/sqlite-wasm and to @tursodatabase/database-wasm in
// the same run and storage class; the Result checks of every case; shipped wasm sizes (raw and gzip -9); and
// connect-to-first-row times.
//
//   node bench/peers/table.mjs [--dist js-wrapper/target/dist] [--work bench/target/peers] [results.json …] > RESULTS.md
//
// Several results.json (for instance one per repetition, each from `run.sh --reps 1 --out DIR`) are merged:
// their runs and limit probes are pooled and summarized again by bench-peers' own lib/report.mjs (medians).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
let work = path.join(repo, 'bench/target/peers');
let dist = path.join(repo, 'js-wrapper/target/dist');
const files = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--dist') dist = path.resolve(process.argv[++i]);
  else if (a === '--work') work = path.resolve(process.argv[++i]);
  else files.push(path.resolve(a));
}
if (!files.length) files.push(path.join(work, 'results/results.json'));
const { summarize } = await import(pathToFileURL(path.join(work, 'lib/report.mjs')).href);
const parts = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const R = { ...parts[0] };
R.runs = parts.flatMap((p) => p.runs);
R.limits = parts.flatMap((p) => p.limits || []);
R.finished = parts[parts.length - 1].finished;
R.options = { ...parts[0].options, reps: parts.reduce((n, p) => n + p.options.reps, 0) };
R.machine = { ...parts[0].machine, loads: parts.map((p) => [p.machine.loadavgStart, p.machine.loadavgEnd]) };
R.summary = summarize(R);
const S = R.summary.cases;

const STEPS = [
  ['init_ms', 'init (import + wasm instantiate)'],
  ['open_ms', 'open (create empty db)'],
  ['W1_insert_100k_tx', 'W1 insert 100k rows, 1 tx, prepared'],
  ['W2_insert_1k_autocommit', 'W2 1,000 autocommit inserts'],
  ['W3_point_select_50k', 'W3 50k PK point selects'],
  ['W4a_create_index', 'W4a CREATE INDEX on b'],
  ['W4b_range_select_10k', 'W4b 10k range selects'],
  ['W5_scan_agg_100', 'W5 100 full-scan aggregates'],
  ['W6a_update_10k_tx', 'W6a 10k PK updates, 1 tx'],
  ['W6b_delete_10k_tx', 'W6b 10k PK deletes, 1 tx'],
  ['W7_join_groupby_x10', 'W7 join+group by ×10'],
  ['close_ms', 'close'],
  ['W1_W7_total', '**sum W1..W7**'],
  ['W8_cold_init', 'W8 cold: init in fresh worker'],
  ['W8_cold_open_query_close', 'W8 cold: open 10 MB db + 1 query + close'],
  ['W8_cold_total', '**W8 cold total**'],
];
const memoryMode = (mode) => mode.startsWith('memory');
const fmt = (x) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '—' : (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2)) + '×');
const med = (key, step) => (S[key] && S[key].ok > 0 ? S[key].median[step] : null);

const out = [];
out.push('# Skerry in the in-browser peers benchmark');
out.push('');
const m = R.machine;
out.push(`Run ${R.started} → ${R.finished}: ${R.options.reps} repetition(s), median reported` +
  (R.options.scale !== 1 ? `, **scale ${R.options.scale} (smoke test, not comparable)**` : '') +
  `; cases: ${Object.keys(S).join(', ')}.`);
out.push(`Machine: ${m.cpus}× ${m.cpuModel}, ${m.memGiB} GiB; node ${m.node}; Chromium ${m.browser} headless. ` +
  `**Shared machine**: load average (1/5/15 min) ` +
  m.loads.map(([a, b], i) => `${m.loads.length > 1 ? `rep ${i + 1}: ` : ''}${a.join('/')} at start, ${b.join('/')} at end`).join('; ') + ' ' +
  `(${m.cpus} cores, other teams building and testing), so absolute times are noisy; compare ratios within the run.`);
out.push('');
out.push('| contestant | version | sqlite_version() |');
out.push('|---|---|---|');
for (const [id, v] of Object.entries(R.versions)) if (id !== 'playwright-core') out.push(`| ${id} | ${v.package ? v.package + ' ' : ''}${v.version ?? '—'} | ${v.sqlite_version ?? '—'} |`);
out.push('');
out.push('Ratios are Skerry / peer in the same run (>1 = Skerry slower). Peers: `sqlite-wasm:memory` and `turso:memory` ' +
  'for in-memory modes; `sqlite-wasm:opfs-sahpool` (the bench baseline, sqlite-wasm\'s fastest OPFS VFS) and `turso:opfs` for OPFS modes ' +
  '(`sqlite-wasm:opfs`, its SharedArrayBuffer VFS, is shown for reference).');
out.push('');
out.push('Skerry modes: `memory`/`opfs` use `skerry-engine.js` inside the bench worker (synchronous, like sqlite-wasm\'s oo1 API); ' +
  '`opfs-connect` uses the page API `connect()` of `skerry.js`, whose engine runs in a nested Worker (one postMessage round trip per call).');
out.push('');

for (const cls of ['memory', 'opfs']) {
  const sk = Object.keys(S).filter((k) => k.startsWith('skerry:') && memoryMode(S[k].mode) === (cls === 'memory'));
  if (!sk.length) continue;
  const sw = cls === 'memory' ? 'sqlite-wasm:memory' : 'sqlite-wasm:opfs-sahpool';
  const tu = cls === 'memory' ? 'turso:memory' : 'turso:opfs';
  const extra = cls === 'opfs' && S['sqlite-wasm:opfs'] ? ['sqlite-wasm:opfs'] : [];
  out.push(cls === 'memory' ? '## In memory' : '## OPFS');
  out.push('');
  const head = ['step (median ms)', `\`${sw}\``, ...extra.map((k) => `\`${k}\``), `\`${tu}\``];
  for (const k of sk) head.push(`\`${k}\``, '÷ sqlite-wasm', '÷ turso');
  out.push('| ' + head.join(' | ') + ' |');
  out.push('|---|' + head.slice(1).map(() => '---:').join('|') + '|');
  for (const [step, label] of STEPS) {
    if (![sw, tu, ...sk].some((k) => med(k, step) != null)) continue;
    const row = [label, fmt(med(sw, step)), ...extra.map((k) => fmt(med(k, step))), fmt(med(tu, step))];
    for (const k of sk) row.push(fmt(med(k, step)), ratio(med(k, step), med(sw, step)), ratio(med(k, step), med(tu, step)));
    out.push('| ' + row.join(' | ') + ' |');
  }
  if (cls === 'opfs') {
    const mib = (k) => (S[k] && S[k].storageBytes != null ? (S[k].storageBytes / 1048576).toFixed(1) + ' MiB' : '—');
    out.push('| OPFS bytes after W7 | ' + [mib(sw), ...extra.map(mib), mib(tu), ...sk.flatMap((k) => [mib(k), '', ''])].join(' | ') + ' |');
  }
  const ok = (k) => (S[k] ? `${S[k].ok}/${S[k].failed}` : '—');
  out.push('| runs ok/failed | ' + [ok(sw), ...extra.map(ok), ok(tu), ...sk.flatMap((k) => [ok(k), '', ''])].join(' | ') + ' |');
  out.push('');
}

out.push('## Result checks (must agree across contestants)');
out.push('');
const checkKeys = ['W3', 'W4', 'W5', 'W7', 'rows_final'];
out.push('| case | ' + checkKeys.join(' | ') + ' |');
out.push('|---|' + checkKeys.map(() => '---').join('|') + '|');
const seen = new Set();
for (const [k, e] of Object.entries(S)) {
  if (!e.checks) continue;
  seen.add(JSON.stringify(checkKeys.map((c) => e.checks[c])));
  out.push(`| ${k} | ` + checkKeys.map((c) => e.checks[c]).join(' | ') + ' |');
}
out.push('');
out.push(seen.size === 1 ? 'All cases agree.' : `**The cases disagree (${seen.size} distinct results).**`);
out.push('');

const size = (file) => {
  if (!fs.existsSync(file)) return null;
  const raw = fs.readFileSync(file);
  return { raw: raw.length, gz: zlib.gzipSync(raw, { level: 9 }).length };
};
const kib = (n) => (n / 1024).toFixed(0) + ' KiB';
out.push('## Download size (raw / gzip -9)');
out.push('');
out.push('| what | raw | gzip |');
out.push('|---|---:|---:|');
const rows = [
  ['Skerry `skerry.wasm`', path.join(dist, 'skerry.wasm')],
  ['Skerry `skerry.wasm-runtime.js` (TeaVM loader)', path.join(dist, 'skerry.wasm-runtime.js')],
  ['Skerry `skerry.js` + `skerry-worker.js` + `skerry-engine.js`', ['skerry.js', 'skerry-worker.js', 'skerry-engine.js'].map((f) => path.join(dist, f))],
  ['`@sqlite.org/sqlite-wasm` `sqlite3.wasm`', path.join(work, 'node_modules/@sqlite.org/sqlite-wasm/dist/sqlite3.wasm')],
  ['`@tursodatabase/database-wasm` `turso.wasm32-wasi.wasm`', path.join(work, 'node_modules/@tursodatabase/database-wasm/dist/turso.wasm32-wasi.wasm')],
];
for (const [label, files] of rows) {
  const list = Array.isArray(files) ? files : [files];
  const sizes = list.map(size);
  if (sizes.some((s) => s === null)) continue;
  const raw = sizes.reduce((a, s) => a + s.raw, 0);
  const gz = sizes.reduce((a, s) => a + s.gz, 0);
  out.push(`| ${label} | ${kib(raw)} | ${kib(gz)} |`);
}
out.push('');

out.push('## Connect to first row (median ms)');
out.push('');
out.push('OPFS: W8, a brand-new worker imports the engine, opens the existing ~10 MB database, reads one row by key and closes ' +
  '(`W8 cold total`). Memory: `init` + `open` of the main phase (a fresh worker; no query included).');
out.push('');
out.push('| case | connect to first row |');
out.push('|---|---:|');
for (const [k, e] of Object.entries(S)) {
  if (e.ok === 0) continue;
  const v = memoryMode(e.mode) ? (e.median.init_ms ?? 0) + (e.median.open_ms ?? 0) : e.median.W8_cold_total;
  out.push(`| ${k} | ${fmt(v)} |`);
}
out.push('');
process.stdout.write(out.join('\n'));
