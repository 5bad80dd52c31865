// Type declarations of skerry-engine.js: the Skerry engine in the current thread, synchronous.

import type { BindValue, SqlValue } from './skerry.js';

/** A failure of the engine: `code` is SQLite's (extended) result code. */
export class EngineError extends Error {
  readonly name: 'EngineError';
  readonly code: number;
}

/** Loads TeaVM's loader and the wasm (once per realm); URLs default to the files next to skerry-engine.js. */
export function loadEngine(urls?: { runtimeUrl?: string; wasmUrl?: string }): Promise<Engine>;

export class Engine {
  /** ':memory:' (or '') in memory; any other path an OPFS file (dedicated Worker only). */
  open(path: string): Promise<EngineDatabase>;
}

export class EngineDatabase {
  readonly path: string;
  readonly closed: boolean;
  readonly inTransaction: boolean;
  exec(sql: string): void;
  prepare(sql: string): EngineStatement;
  changes(): number;
  lastInsertRowid(): bigint;
  close(): void;
}

export class EngineStatement {
  readonly columns: string[];
  readonly types: (string | null)[];
  readonly params: (string | null)[];
  readonly readonly: boolean;
  bind(values?: BindValue[]): void;
  run(values?: BindValue[]): { changes: number; lastInsertRowid: bigint };
  get(values?: BindValue[], safe?: boolean): SqlValue[] | undefined;
  all(values?: BindValue[], safe?: boolean): SqlValue[][];
  fetch(max: number, safe?: boolean): { rows: SqlValue[][]; done: boolean };
  reset(): void;
  finalize(): void;
}
