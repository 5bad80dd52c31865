// Runs a script on a skerry.js Database statement by statement and collects what each one gave, without
// touching the page: rows (the first MAX_ROWS_KEPT kept, all counted), rows changed, or the error that
// stopped the script. Statements before a failing one stay done, as in the sqlite3 shell.

import { splitStatements } from './sql-split.js';

/** Rows kept per result for display; the others are counted only. */
export const MAX_ROWS_KEPT = 1000;

const CHANGING = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);

/** True when the statement's "rows changed" count means something (a DML statement, perhaps after WITH). */
function reportsChanges(sql, readonly) {
  const first = /^[\s(]*([A-Za-z]+)/.exec(sql.replace(/^(\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, ''));
  const word = first ? first[1].toUpperCase() : '';
  return CHANGING.has(word) || (word === 'WITH' && !readonly);
}

/**
 * Runs `sql` on `db`. Resolves (never rejects) to {results, error}: one result per statement run, in order —
 * {sql, line, ms, columns: [{name, type}], rows (arrays of values; integers as BigInt), rowCount} for a
 * statement returning rows, {sql, line, ms, columns: null, changes (a number, or null when not meaningful)}
 * otherwise — and, when a statement failed, error = {sql, line, index (0-based), error}.
 */
export async function runScript(db, sql) {
  const results = [];
  const statements = splitStatements(sql);
  for (let index = 0; index < statements.length; index++) {
    const { sql: text, line } = statements[index];
    const t0 = performance.now();
    const stmt = db.prepare(text).safeIntegers();
    try {
      const columns = (await stmt.columns()).map((c) => ({ name: c.name, type: c.type }));
      if (columns.length > 0) {
        const rows = [];
        let rowCount = 0;
        for await (const row of stmt.raw().iterate()) {
          if (rowCount < MAX_ROWS_KEPT) rows.push(row);
          rowCount++;
        }
        results.push({ sql: text, line, ms: performance.now() - t0, columns, rows, rowCount });
      } else {
        const { changes } = await stmt.run();
        const changed = reportsChanges(text, stmt.readonly) ? changes : null;
        results.push({ sql: text, line, ms: performance.now() - t0, columns: null, changes: changed });
      }
    } catch (error) {
      return { results, error: { sql: text, line, index, error } };
    } finally {
      await stmt.close().catch(() => {});
    }
  }
  return { results, error: null };
}
