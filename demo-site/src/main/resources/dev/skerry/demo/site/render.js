// Turns what runner.js collected into the page's result area: one table per statement that returned rows,
// one compact log of the statements that did not, and the error that stopped the script. Values are shown
// as SQLite's shell shows them: REALs as SQLite prints them (%!.15g), NULL as a distinct mark, blobs as hex.

import { MAX_ROWS_KEPT } from './runner.js';

const BLOB_BYTES_SHOWN = 64;
const LOG_LINES_SHOWN = 50;

/** An element with a class and text content. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A REAL as SQLite prints it: 15 significant digits, ".0" on integral values, exponent past 1e15. */
export function formatReal(v) {
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  if (v === 0) return '0.0';
  const [mantissa, exponent] = v.toExponential(14).split('e');
  const exp = Number(exponent);
  const sign = mantissa[0] === '-' ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '');
  if (exp < -4 || exp >= 15) {
    const e = String(Math.abs(exp)).padStart(2, '0');
    return sign + digits[0] + '.' + (digits.slice(1) || '0') + 'e' + (exp < 0 ? '-' : '+') + e;
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  return sign + digits.slice(0, exp + 1).padEnd(exp + 1, '0') + '.' + (digits.slice(exp + 1) || '0');
}

/** Bytes as SQLite's blob literal, X'0A1B', cut after BLOB_BYTES_SHOWN bytes. */
export function formatBlob(bytes) {
  let hex = '';
  const n = Math.min(bytes.length, BLOB_BYTES_SHOWN);
  for (let i = 0; i < n; i++) hex += bytes[i].toString(16).padStart(2, '0').toUpperCase();
  const more = bytes.length > n ? '… (' + bytes.length + ' bytes)' : '';
  return "X'" + hex + "'" + more;
}

/** A table cell for one value (integers arrive as BigInt, REALs as numbers, blobs as Uint8Array). */
function cell(v) {
  if (v === null || v === undefined) return el('td', 'v-null', 'NULL');
  if (typeof v === 'bigint') return el('td', 'v-num', v.toString());
  if (typeof v === 'number') return el('td', 'v-num', formatReal(v));
  if (v instanceof Uint8Array) {
    const td = el('td', 'v-blob', formatBlob(v));
    td.title = v.length + ' bytes';
    return td;
  }
  const td = el('td', 'v-text', v);
  if (v.length > 80) td.title = v;
  return td;
}

/** Milliseconds as "0.42 ms", "12 ms" or "1.35 s". */
export function formatMs(ms) {
  if (ms < 10) return ms.toFixed(2) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  return (ms / 1000).toFixed(2) + ' s';
}

function plural(n, word) {
  return n.toLocaleString('en-US') + ' ' + word + (n === 1 ? '' : 's');
}

/** The first line of a statement, shortened, for captions. */
function caption(sql) {
  const line = sql.trim().split('\n')[0];
  return line.length > 100 ? line.slice(0, 97) + '…' : line;
}

function rowsBlock(r, number) {
  const block = el('section', 'result');
  const head = el('header', 'result-head');
  head.append(el('span', 'result-n', '#' + number), el('code', 'result-sql', caption(r.sql)));
  const shown = r.rows.length < r.rowCount ? 'first ' + r.rows.length.toLocaleString('en-US') + ' of ' : '';
  head.append(el('span', 'result-meta', shown + plural(r.rowCount, 'row') + ' · ' + formatMs(r.ms)));
  block.append(head);
  const scroller = el('div', 'grid-scroll');
  const table = el('table', 'grid');
  const tr = el('tr');
  for (const c of r.columns) {
    const th = el('th', null, c.name);
    if (c.type) th.append(' ', el('span', 'col-type', c.type));
    tr.append(th);
  }
  table.append(el('thead'));
  table.tHead.append(tr);
  const body = el('tbody');
  for (const row of r.rows) {
    const line = el('tr');
    for (const v of row) line.append(cell(v));
    body.append(line);
  }
  table.append(body);
  scroller.append(table);
  block.append(scroller);
  if (r.rowCount === 0) block.append(el('p', 'empty', 'No rows.'));
  if (r.rows.length < r.rowCount) {
    block.append(el('p', 'empty', 'Showing the first ' + MAX_ROWS_KEPT.toLocaleString('en-US')
      + ' rows; add a LIMIT (or a WHERE) to see others.'));
  }
  return block;
}

function logBlock(entries) {
  const block = el('section', 'result log');
  const list = el('ol', 'log-list');
  for (const { r, number } of entries.slice(0, LOG_LINES_SHOWN)) {
    const li = el('li');
    li.append(el('span', 'result-n', '#' + number), el('code', 'result-sql', caption(r.sql)));
    const what = r.changes === null ? 'done' : plural(r.changes, 'row') + ' changed';
    li.append(el('span', 'result-meta', what + ' · ' + formatMs(r.ms)));
    list.append(li);
  }
  block.append(list);
  if (entries.length > LOG_LINES_SHOWN) {
    block.append(el('p', 'empty', '… and ' + plural(entries.length - LOG_LINES_SHOWN, 'more statement') + '.'));
  }
  return block;
}

/** The error box: the result code's name and number, SQLite's message, and where the statement was. */
export function errorBlock(error, where) {
  const box = el('section', 'result error');
  box.setAttribute('role', 'alert');
  const head = el('header', 'error-head');
  if (error && error.name === 'SqliteError') {
    head.append(el('span', 'error-code', error.code + ' (' + error.rawCode + ')'));
  } else {
    head.append(el('span', 'error-code', (error && error.name) || 'Error'));
  }
  head.append(el('span', 'error-message', (error && error.message) || String(error)));
  box.append(head);
  if (where) {
    box.append(el('p', 'error-where', 'In statement #' + (where.index + 1) + ', line ' + where.line + ':'));
    box.append(el('pre', 'error-sql', where.sql.trim()));
  }
  return box;
}

/** Fills `container` with the outcome of runScript: result tables, logs of other statements, the error. */
export function renderOutcome(container, outcome) {
  container.replaceChildren();
  let pending = [];
  const flush = () => {
    if (pending.length > 0) container.append(logBlock(pending));
    pending = [];
  };
  outcome.results.forEach((r, i) => {
    if (r.columns === null) {
      pending.push({ r, number: i + 1 });
    } else {
      flush();
      container.append(rowsBlock(r, i + 1));
    }
  });
  flush();
  if (outcome.error) {
    container.append(errorBlock(outcome.error.error, outcome.error));
  } else if (outcome.results.length === 0) {
    container.append(el('p', 'placeholder', 'Nothing to run: the editor holds no SQL statement.'));
  }
}
