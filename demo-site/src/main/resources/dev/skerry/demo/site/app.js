// The SQL console: wires the page (editor, Run, database chooser, reset, schema sidebar, results) to one
// skerry.js connection. The connection is either open (`db`) or absent (opening failed: the reason is
// shown and Open retries). All database work runs through `serial`, one task at a time in the order asked,
// so a run, a schema refresh, a switch of database and a reset never interleave; while a task runs the
// console is busy and its buttons are disabled.

import { connect } from './lib/skerry.js';
import { listDatabases, deleteDatabase } from './opfs.js';
import { el, errorBlock, formatMs, renderOutcome } from './render.js';
import { runScript } from './runner.js';
import { loadColumns, loadSchema, quoteId, SchemaTree } from './schema.js';

const DEFAULT_DATABASE = 'demo.db';
const SAVED_DATABASE = 'skerry-demo.database';
const SAVED_EDITOR = 'skerry-demo.editor';
const WELCOME = `-- Skerry: a SQLite-compatible engine compiled to WebAssembly, running in this tab.
-- Ctrl+Enter (Cmd+Enter on a Mac) runs the editor, or only the selected text.
-- The database is a file of this browser's private storage (OPFS): it survives reloads.
CREATE TABLE IF NOT EXISTS skerries(
  id INTEGER PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,
  area_km2 REAL,
  lighthouse INTEGER
);
INSERT OR IGNORE INTO skerries(name, area_km2, lighthouse)
  VALUES ('Fastnet', 0.004, 1), ('Rockall', 0.0006, NULL), ('Bass Rock', 0.08, 1);
SELECT name, area_km2, lighthouse FROM skerries ORDER BY area_km2 DESC;
`;

const $ = (id) => document.getElementById(id);
const ui = {
  editor: $('editor'),
  run: $('run'),
  results: $('results'),
  summary: $('summary'),
  dbForm: $('db-form'),
  dbName: $('db-name'),
  dbList: $('db-list'),
  dbStatus: $('db-status'),
  reset: $('reset'),
  refresh: $('refresh-schema'),
};

let db = null;
let current = null;
let busy = false;
let tail = Promise.resolve();

function serial(task) {
  const run = tail.then(async () => {
    setBusy(true);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  });
  tail = run.catch(() => {});
  return run;
}

function setBusy(on) {
  busy = on;
  document.body.classList.toggle('busy', on);
  ui.run.disabled = on || db === null;
  ui.reset.disabled = on || current === null;
  ui.refresh.disabled = on || db === null;
  for (const b of ui.dbForm.querySelectorAll('button')) b.disabled = on;
}

const tree = new SchemaTree($('schema'), {
  columns: (name) => loadColumns(db, name),
  select: (name) => serial(async () => {
    if (db === null) return;
    await tree.expand(name);
    await showOutcome('SELECT * FROM ' + quoteId(name) + ' LIMIT 100;', 0);
  }),
});

async function refreshSchema() {
  if (db === null) {
    await tree.render(null, 'No database is open.');
    return;
  }
  try {
    await tree.render(await loadSchema(db));
  } catch (e) {
    await tree.render(null, 'Could not read the schema: ' + e.message);
  }
}

async function refreshDatabaseList() {
  let names = [];
  try {
    names = await listDatabases();
  } catch (e) {
    names = [];
  }
  if (current !== null && !names.includes(current)) names.push(current);
  ui.dbList.replaceChildren(...names.map((n) => Object.assign(document.createElement('option'), { value: n })));
}

function describe(name) {
  return name === ':memory:' ? 'in memory: gone on reload' : 'saved in this browser (OPFS)';
}

/** Runs `sql` (whose first line is line `firstLine` + 1 of the editor), shows the outcome, refreshes the schema. */
async function showOutcome(sql, firstLine) {
  ui.summary.textContent = 'Running…';
  ui.summary.classList.remove('failed');
  const t0 = performance.now();
  const outcome = await runScript(db, sql);
  const ms = performance.now() - t0;
  if (outcome.error) outcome.error.line += firstLine;
  renderOutcome(ui.results, outcome);
  const rows = outcome.results.reduce((n, r) => n + (r.columns === null ? 0 : r.rowCount), 0);
  const ran = outcome.results.length + (outcome.error ? 1 : 0);
  const parts = [ran + (ran === 1 ? ' statement' : ' statements')];
  parts.push(rows.toLocaleString('en-US') + (rows === 1 ? ' row' : ' rows'));
  if (outcome.error) parts.push('failed at #' + (outcome.error.index + 1));
  parts.push(formatMs(ms));
  if (db.inTransaction) parts.push('transaction open');
  ui.summary.textContent = parts.join(' · ');
  ui.summary.classList.toggle('failed', outcome.error !== null);
  await refreshSchema();
}

function runEditor() {
  if (db === null) return Promise.resolve();
  const { selectionStart: from, selectionEnd: to, value } = ui.editor;
  const selected = from !== to;
  const sql = selected ? value.slice(from, to) : value;
  const firstLine = selected ? value.slice(0, from).split('\n').length - 1 : 0;
  ui.summary.textContent = 'Running…';
  ui.summary.classList.remove('failed');
  return serial(async () => {
    if (db !== null) {
      await showOutcome(sql, firstLine);
    } else {
      ui.summary.textContent = '';
    }
  });
}

/** Closes the open connection (if any) and opens `name`; a failure is shown and leaves no connection. */
async function open(name) {
  if (db !== null) {
    const old = db;
    db = null;
    await old.close().catch(() => {});
  }
  current = name;
  ui.dbName.value = name;
  ui.dbStatus.textContent = 'opening ' + name + '…';
  ui.dbStatus.className = 'status';
  try {
    db = await connect(name);
    localStorage.setItem(SAVED_DATABASE, name);
    ui.dbStatus.textContent = describe(name);
  } catch (e) {
    ui.dbStatus.textContent = 'not open';
    ui.dbStatus.className = 'status failed';
    const box = errorBlock(e, null);
    box.append(el('p', 'error-where', e.code === 'SQLITE_BUSY'
      ? name + ' is open in another tab or window: close it there, then press Open.'
      : 'Could not open ' + name + '.'));
    ui.results.replaceChildren(box);
  }
  await refreshDatabaseList();
  await refreshSchema();
}

/** Deletes the current database's files and opens it again, empty. */
async function reset() {
  const name = current;
  const old = db;
  db = null;
  let failure = null;
  try {
    if (old !== null) await old.close();
    if (name !== ':memory:') await deleteDatabase(name);
  } catch (e) {
    failure = e;
  }
  await open(name);
  if (failure !== null) {
    ui.results.replaceChildren(errorBlock(failure, null));
  } else if (db !== null) {
    ui.results.replaceChildren(el('p', 'notice', name + ' was reset: it is empty now.'));
    ui.summary.textContent = '';
  }
}

function checkName(raw) {
  const name = raw.trim();
  if (name === '') return 'Give the database a name, such as ' + DEFAULT_DATABASE + '.';
  if (name.includes('/')) return 'A database name cannot contain "/".';
  if (name.endsWith('-wal') || name.endsWith('-journal')) return 'That name is reserved for a log file.';
  return null;
}

ui.dbForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const problem = checkName(ui.dbName.value);
  if (problem !== null) {
    ui.dbStatus.textContent = problem;
    ui.dbStatus.className = 'status failed';
    return;
  }
  const name = ui.dbName.value.trim();
  serial(async () => {
    await open(name);
    if (db !== null) {
      ui.results.replaceChildren(el('p', 'notice', 'Opened ' + name + '.'));
      ui.summary.textContent = '';
    }
  });
});

ui.reset.addEventListener('click', () => {
  const name = current;
  if (!window.confirm('Delete the database "' + name + '" and start over with an empty one?')) return;
  serial(reset);
});

ui.run.addEventListener('click', runEditor);
ui.refresh.addEventListener('click', () => serial(refreshSchema));

ui.editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    if (!busy) runEditor();
  }
});

let saveTimer = 0;
ui.editor.addEventListener('input', () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => localStorage.setItem(SAVED_EDITOR, ui.editor.value), 300);
});
window.addEventListener('pagehide', () => localStorage.setItem(SAVED_EDITOR, ui.editor.value));

ui.editor.value = localStorage.getItem(SAVED_EDITOR) ?? WELCOME;
ui.results.replaceChildren(el('p', 'placeholder', 'Results appear here. Press Run or Ctrl+Enter.'));
serial(() => open(localStorage.getItem(SAVED_DATABASE) || DEFAULT_DATABASE));
