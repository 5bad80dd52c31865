// Type declarations of skerry.js: the promise API of @tursodatabase/database over the Skerry engine.

/** A value bound to a parameter. Numbers that are safe integers bind as INTEGER, other numbers as REAL. */
export type BindValue = null | undefined | number | bigint | string | boolean | Uint8Array | ArrayBuffer | ArrayBufferView;
/** Values for named parameters, keyed with or without the `:`, `@` or `$` prefix. */
export type NamedBindings = Record<string, BindValue>;
export type BindArgument = BindValue | NamedBindings | BindValue[];
/** A value read from a row: INTEGER as number (bigint with safeIntegers), REAL, TEXT, BLOB, NULL. */
export type SqlValue = null | number | bigint | string | Uint8Array;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface ColumnDefinition {
  name: string;
  column: string | null;
  table: string | null;
  database: string | null;
  type: string | null;
}

export interface ConnectOptions {
  /** Integers as bigint in results and lastInsertRowid, for every statement (default false). */
  safeIntegers?: boolean;
}

/** The name of a (possibly extended) SQLite result code, such as "SQLITE_CONSTRAINT_UNIQUE". */
export function codeName(code: number): string;

export class SqliteError extends Error {
  readonly name: 'SqliteError';
  /** The result code's name, such as "SQLITE_CONSTRAINT_UNIQUE". */
  readonly code: string;
  /** The numeric (extended) result code. */
  readonly rawCode: number;
}

export class Statement<Row = Record<string, SqlValue>> {
  readonly database: Database;
  readonly source: string;
  readonly reader: boolean;
  readonly readonly: boolean;
  raw(toggle?: boolean): Statement<SqlValue[]>;
  pluck(toggle?: boolean): Statement<SqlValue>;
  safeIntegers(toggle?: boolean): this;
  columns(): Promise<ColumnDefinition[]>;
  run(...params: BindArgument[]): Promise<RunResult>;
  get(...params: BindArgument[]): Promise<Row | undefined>;
  all(...params: BindArgument[]): Promise<Row[]>;
  iterate(...params: BindArgument[]): AsyncGenerator<Row, void, unknown>;
  close(): Promise<void>;
}

export type Transaction<F extends (...args: any[]) => any> = ((...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>) & {
  deferred: (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
  immediate: (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
  exclusive: (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
};

export class Database {
  readonly name: string;
  readonly memory: boolean;
  readonly open: boolean;
  readonly inTransaction: boolean;
  prepare<Row = Record<string, SqlValue>>(sql: string): Statement<Row>;
  exec(sql: string): Promise<void>;
  pragma(source: string, options?: { simple?: boolean }): Promise<any>;
  transaction<F extends (...args: any[]) => any>(fn: F): Transaction<F>;
  defaultSafeIntegers(toggle?: boolean): this;
  close(): Promise<void>;
}

/** Opens ':memory:' or an OPFS database (persistent); runs the engine in a Worker it starts itself. */
export function connect(path: string, opts?: ConnectOptions): Promise<Database>;
