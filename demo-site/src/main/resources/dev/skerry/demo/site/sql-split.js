// Splits a script into its SQL statements, so that the console can run them one by one and show each one's
// result (skerry.js prepares exactly one statement at a time). A statement ends at a semicolon outside quotes,
// brackets and comments; inside the body of CREATE TRIGGER it ends only at the `; END ;` that closes the body.
// A statement's text keeps its semicolon; whitespace and comments alone are not a statement. Text after the
// last semicolon is a statement of its own, left to the engine to accept or to report as incomplete.

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/** The tokens of `sql` as {type: 'word'|'semi'|'other', text (upper case for words), start, end}. */
function* tokens(sql) {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === '\'' || c === '"' || c === '`') {
      i++;
      while (i < n) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      yield { type: 'other', text: c, start, end: i };
      continue;
    }
    if (c === '[') {
      const close = sql.indexOf(']', i + 1);
      i = close < 0 ? n : close + 1;
      yield { type: 'other', text: c, start, end: i };
      continue;
    }
    if (c === ';') {
      i++;
      yield { type: 'semi', text: c, start, end: i };
      continue;
    }
    if (WORD.test(c)) {
      while (i < n && WORD.test(sql[i])) i++;
      yield { type: 'word', text: sql.slice(start, i).toUpperCase(), start, end: i };
      continue;
    }
    i++;
    yield { type: 'other', text: c, start, end: i };
  }
}

/** True when the leading words of a statement (EXPLAIN [QUERY PLAN] skipped) are CREATE [TEMP] TRIGGER. */
function createsTrigger(words) {
  let k = 0;
  if (words[k] === 'EXPLAIN') {
    k++;
    if (words[k] === 'QUERY' && words[k + 1] === 'PLAN') k += 2;
  }
  if (words[k] !== 'CREATE') return false;
  k++;
  if (words[k] === 'TEMP' || words[k] === 'TEMPORARY') k++;
  return words[k] === 'TRIGGER';
}

/**
 * The statements of `sql`: [{sql, start, line}] where `start` is the offset of the statement's first token in
 * the script and `line` its 1-based line number.
 */
export function splitStatements(sql) {
  const out = [];
  let first = -1;
  let words = [];
  let previous = [];
  const finish = (end) => {
    out.push({ sql: sql.slice(first, end), start: first, line: sql.slice(0, first).split('\n').length });
    first = -1;
    words = [];
    previous = [];
  };
  for (const t of tokens(sql)) {
    if (first < 0) {
      if (t.type === 'semi') continue;
      first = t.start;
    }
    if (words.length < 6 && t.type === 'word') words.push(t.text);
    if (t.type === 'semi') {
      const inTrigger = createsTrigger(words);
      const closesBody = previous.length === 2 && previous[0].type === 'semi'
        && previous[1].type === 'word' && previous[1].text === 'END';
      if (!inTrigger || closesBody) {
        finish(t.end);
        continue;
      }
    }
    previous = [previous[previous.length - 1], t].filter(Boolean);
  }
  if (first >= 0) finish(sql.length);
  return out;
}
