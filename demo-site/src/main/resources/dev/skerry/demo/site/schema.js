// The schema sidebar: the tables, views, indexes and triggers of sqlite_schema, grouped by kind. A table or
// view opens to list its columns (names and declared types, as the engine reports them for SELECT *) and
// asks the console to show its first rows.

import { el } from './render.js';

const KINDS = [
  { type: 'table', title: 'Tables' },
  { type: 'view', title: 'Views' },
  { type: 'index', title: 'Indexes' },
  { type: 'trigger', title: 'Triggers' },
];

/** An identifier quoted for SQL: "name" with inner quotes doubled. */
export function quoteId(name) {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** The entries of sqlite_schema, internal ones (sqlite_*) left out: [{type, name, table}]. */
export async function loadSchema(db) {
  const stmt = db.prepare("SELECT type, name, tbl_name FROM sqlite_schema WHERE substr(name, 1, 7) <> 'sqlite_'"
    + ' ORDER BY name');
  try {
    return (await stmt.raw().all()).map(([type, name, table]) => ({ type, name, table }));
  } finally {
    await stmt.close();
  }
}

/** The columns of a table or view: [{name, type}]. */
export async function loadColumns(db, name) {
  const stmt = db.prepare('SELECT * FROM ' + quoteId(name) + ' LIMIT 0');
  try {
    return (await stmt.columns()).map((c) => ({ name: c.name, type: c.type }));
  } finally {
    await stmt.close();
  }
}

/**
 * The sidebar's state and rendering. `actions` are {columns(name) → Promise<[{name, type}]>, select(name)}:
 * the first lists a table's columns (called while a render or expand runs), the second is called when the
 * user clicks a table or view. Open entries stay open across refreshes while they still exist.
 */
export class SchemaTree {
  constructor(container, actions) {
    this.container = container;
    this.actions = actions;
    this.open = new Set();
  }

  /** Redraws the tree from `entries` (as loadSchema gives them), or shows `message` instead. */
  async render(entries, message) {
    const parts = [];
    if (message) {
      parts.push(el('p', 'placeholder', message));
    } else if (entries.length === 0) {
      parts.push(el('p', 'placeholder', 'No tables yet. Run a CREATE TABLE to make one.'));
    }
    const present = entries || [];
    const names = new Set(present.map((e) => e.name));
    for (const name of this.open) if (!names.has(name)) this.open.delete(name);
    for (const kind of KINDS) {
      const items = present.filter((e) => e.type === kind.type);
      if (items.length === 0) continue;
      const section = el('section', 'schema-group');
      const heading = el('h3', null, kind.title);
      heading.append(el('span', 'count', String(items.length)));
      section.append(heading);
      const list = el('ul');
      for (const item of items) list.append(await this.item(item));
      section.append(list);
      parts.push(section);
    }
    this.container.replaceChildren(...parts);
  }

  async item(entry) {
    const li = el('li', 'schema-item');
    li.dataset.name = entry.name;
    if (entry.type !== 'table' && entry.type !== 'view') {
      li.append(el('span', 'schema-name', entry.name), el('span', 'schema-on', 'on ' + entry.table));
      return li;
    }
    const button = el('button', 'schema-name');
    const caret = el('span', 'caret');
    caret.setAttribute('aria-hidden', 'true');
    button.append(caret, entry.name);
    button.type = 'button';
    button.title = 'Show the columns and the first 100 rows of ' + entry.name;
    button.setAttribute('aria-expanded', String(this.open.has(entry.name)));
    button.addEventListener('click', () => this.actions.select(entry.name));
    li.append(button);
    if (this.open.has(entry.name)) li.append(await this.columnList(entry.name));
    return li;
  }

  async columnList(name) {
    const list = el('ul', 'columns');
    try {
      for (const c of await this.actions.columns(name)) {
        const li = el('li', 'column');
        li.append(el('span', 'column-name', c.name), el('span', 'col-type', c.type || ''));
        list.append(li);
      }
    } catch (e) {
      list.append(el('li', 'column failed', e.message));
    }
    return list;
  }

  /** Opens the column list of a table or view (no-op when it is open or gone). */
  async expand(name) {
    const li = [...this.container.querySelectorAll('.schema-item')].find((x) => x.dataset.name === name);
    if (!li || this.open.has(name)) return;
    this.open.add(name);
    li.firstChild.setAttribute('aria-expanded', 'true');
    li.append(await this.columnList(name));
  }
}
