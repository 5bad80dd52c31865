// Drives the Skerry server with the real Hrana clients (@libsql/client over /v2/pipeline,
// @tursodatabase/serverless over /v3/pipeline and /v3/cursor) and prints, as one JSON document, every
// statement the clients ran with what they saw. ServerClientsTest replays the same statements, in the
// same order, on SQLite (sqlite-jdbc) and compares.
//
// usage: node clients.mjs <base URL of the server> <database name>
import { createClient } from "@libsql/client";
import { connect } from "@tursodatabase/serverless";

const [base, dbName] = process.argv.slice(2);
const ops = [];

function typed(v) {
  if (v === null || v === undefined) return { t: "n" };
  if (typeof v === "bigint") return { t: "i", v: v.toString() };
  if (typeof v === "number") return { t: "num", v: String(v) };
  if (typeof v === "string") return { t: "s", v };
  if (v instanceof ArrayBuffer) return { t: "b", v: Buffer.from(v).toString("hex") };
  if (ArrayBuffer.isView(v)) return { t: "b", v: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex") };
  throw new Error("unexpected value " + v);
}

/** Arguments as sent: JS numbers go out as floats (@libsql/client) or integers when safe (serverless). */
function arg(v, numbersAs) {
  if (typeof v === "number") return { t: numbersAs(v), v: String(v) };
  return typed(v);
}
const libsqlNumbers = () => "f";
const serverlessNumbers = (v) => (Number.isSafeInteger(v) ? "i" : "f");

function errorOf(e) {
  const code = e.code ?? null;
  let message = e.cause?.message ?? e.message;
  if (code && message.startsWith(code + ": ")) message = message.slice(code.length + 2);
  return { code, message };
}

function record(client, sql, args, numbersAs, outcome) {
  ops.push({ client, sql, args: (args ?? []).map((a) => arg(a, numbersAs)), ...outcome });
}

function rowsOf(rs) {
  return { expect: "rows", columns: rs.columns, rows: rs.rows.map((r) => Array.from(r, typed)) };
}

async function libsqlOp(client, sql, args, named) {
  const values = named ? Object.values(args) : args;
  try {
    const rs = await client.execute(named ? { sql, args } : { sql, args: args ?? [] });
    if (rs.columns.length > 0) {
      record("libsql", sql, values, libsqlNumbers, rowsOf(rs));
    } else {
      record("libsql", sql, values, libsqlNumbers, {
        expect: "run", changes: String(rs.rowsAffected), lastInsertRowid: rs.lastInsertRowid?.toString() ?? null });
    }
  } catch (e) {
    record("libsql", sql, values, libsqlNumbers, { expect: "error", error: errorOf(e) });
  }
}

function control(client, sql) {
  ops.push({ client, sql, args: [], expect: "none" });
}

async function libsqlClient() {
  const c = createClient({ url: `${base}db/${dbName}/`, intMode: "bigint" });
  const schema = [
    "DROP TABLE IF EXISTS users",
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB)",
    "CREATE TABLE t2(x)",
  ];
  await c.executeMultiple(schema.join(";\n"));
  schema.forEach((s) => control("libsql", s));

  await libsqlOp(c, "INSERT INTO users (name, score, data) VALUES (?, ?, ?)", ["alice", 1.5, new Uint8Array([1, 2, 3])]);
  await libsqlOp(c, "INSERT INTO users (name, score) VALUES (:name, $score)", { name: "bob", score: 42n }, true);
  await libsqlOp(c, "SELECT * FROM users WHERE id >= ?", [1]);
  await libsqlOp(c, "SELECT 9007199254740993 AS big, 2.5 AS f, 'h\u00e9llo \u2713' AS t, x'00ff' AS b, NULL AS n, 1e308 * 10 AS inf");
  await libsqlOp(c, "SELEC 1");
  await libsqlOp(c, "INSERT INTO users (name) VALUES (?)", ["alice"]);
  await libsqlOp(c, "INSERT INTO users (id, name) VALUES (?, ?)", [1n, "dup"]);

  // batch in write mode: BEGIN IMMEDIATE, the statements, COMMIT.
  const batch1 = [
    { sql: "INSERT INTO users (name) VALUES ('carol')", args: [] },
    { sql: "INSERT INTO users (name) VALUES (?)", args: ["dave"] },
    { sql: "SELECT count(*) AS n FROM users", args: [] },
  ];
  const r1 = await c.batch(batch1, "write");
  control("libsql", "BEGIN IMMEDIATE");
  batch1.forEach((s, i) => {
    const rs = r1[i];
    record("libsql", s.sql, s.args, libsqlNumbers, rs.columns.length > 0 ? rowsOf(rs)
      : { expect: "run", changes: String(rs.rowsAffected), lastInsertRowid: rs.lastInsertRowid?.toString() ?? null });
  });
  control("libsql", "COMMIT");

  // batch in read (deferred) mode.
  const batch2 = ["SELECT name FROM users ORDER BY id", "SELECT max(score) AS m, min(id) AS i FROM users"];
  const r2 = await c.batch(batch2, "read");
  control("libsql", "BEGIN DEFERRED");
  batch2.forEach((s, i) => record("libsql", s, [], libsqlNumbers, rowsOf(r2[i])));
  control("libsql", "COMMIT");

  // batch in deferred mode (the default), writing.
  const batch3 = [{ sql: "UPDATE users SET score = score * 2 WHERE score IS NOT NULL", args: [] },
    { sql: "SELECT name, score FROM users WHERE score IS NOT NULL ORDER BY id", args: [] }];
  const r3 = await c.batch(batch3, "deferred");
  control("libsql", "BEGIN DEFERRED");
  record("libsql", batch3[0].sql, [], libsqlNumbers, {
    expect: "run", changes: String(r3[0].rowsAffected), lastInsertRowid: r3[0].lastInsertRowid?.toString() ?? null });
  record("libsql", batch3[1].sql, [], libsqlNumbers, rowsOf(r3[1]));
  control("libsql", "COMMIT");

  // A failing batch is rolled back as a whole.
  try {
    await c.batch(["INSERT INTO users (name) VALUES ('eve')", "INSERT INTO nosuch VALUES (1)"], "write");
    throw new Error("the failing batch succeeded");
  } catch (e) {
    control("libsql", "BEGIN IMMEDIATE");
    control("libsql", "INSERT INTO users (name) VALUES ('eve')");
    record("libsql", "INSERT INTO nosuch VALUES (1)", [], libsqlNumbers, { expect: "error", error: errorOf(e) });
    control("libsql", "ROLLBACK");
  }

  // Interactive transactions: commit, then rollback.
  const tx = await c.transaction("write");
  control("libsql", "BEGIN IMMEDIATE");
  const ins = await tx.execute({ sql: "INSERT INTO users (name, score) VALUES (?, ?)", args: ["frank", 7.25] });
  record("libsql", "INSERT INTO users (name, score) VALUES (?, ?)", ["frank", 7.25], libsqlNumbers,
    { expect: "run", changes: String(ins.rowsAffected), lastInsertRowid: ins.lastInsertRowid.toString() });
  const cnt = await tx.execute("SELECT count(*) AS n FROM users");
  record("libsql", "SELECT count(*) AS n FROM users", [], libsqlNumbers, rowsOf(cnt));
  await tx.commit();
  control("libsql", "COMMIT");

  const tx2 = await c.transaction("write");
  control("libsql", "BEGIN IMMEDIATE");
  await tx2.execute("INSERT INTO users (name) VALUES ('ghost')");
  control("libsql", "INSERT INTO users (name) VALUES ('ghost')");
  const inside = await tx2.execute("SELECT count(*) AS n FROM users WHERE name = 'ghost'");
  record("libsql", "SELECT count(*) AS n FROM users WHERE name = 'ghost'", [], libsqlNumbers, rowsOf(inside));
  await tx2.rollback();
  control("libsql", "ROLLBACK");

  await libsqlOp(c, "SELECT * FROM users ORDER BY id");
  c.close();
}

function rowObject(columns, row) {
  return { expect: "rows", columns, rows: row === undefined ? [] : [columns.map((k) => typed(row[k]))] };
}

async function serverlessOp(conn, sql, args, fn) {
  try {
    record("serverless", sql, args, serverlessNumbers, await fn());
  } catch (e) {
    record("serverless", sql, args, serverlessNumbers, { expect: "error", error: errorOf(e) });
  }
}

async function serverlessClient(url) {
  const conn = connect({ url });
  const byName = "SELECT id, name, score FROM users WHERE name = ?";
  await serverlessOp(conn, byName, ["alice"], async () => {
    const stmt = (await conn.prepare(byName)).safeIntegers();
    const row = await stmt.get(["alice"]);
    return rowObject(stmt.columns().map((c) => c.name), row);
  });
  await serverlessOp(conn, byName, ["nobody"], async () => {
    const stmt = (await conn.prepare(byName)).safeIntegers();
    return rowObject(stmt.columns().map((c) => c.name), await stmt.get(["nobody"]));
  });
  const all = "SELECT id, name, score, data FROM users ORDER BY id";
  await serverlessOp(conn, all, [], async () => {
    const stmt = (await conn.prepare(all)).safeIntegers().raw();
    return { expect: "rows", rows: (await stmt.all()).map((r) => r.map(typed)) };
  });
  const names = "SELECT name FROM users WHERE id > ? ORDER BY name";
  await serverlessOp(conn, names, [1], async () => {
    const stmt = (await conn.prepare(names)).pluck();
    return { expect: "rows", rows: (await stmt.all([1])).map((v) => [typed(v)]) };
  });
  const objects = "SELECT name, score FROM users WHERE score IS NOT NULL ORDER BY id";
  await serverlessOp(conn, objects, [], async () => {
    const rows = await (await conn.prepare(objects)).all();
    return { expect: "rows", rows: rows.map((r) => ["name", "score"].map((k) => typed(r[k]))) };
  });
  const insert = "INSERT INTO users (name, score) VALUES (?, ?)";
  await serverlessOp(conn, insert, ["henry", 3], async () => {
    const r = await (await conn.prepare(insert)).run(["henry", 3]);
    return { expect: "run", changes: String(r.changes), lastInsertRowid: String(r.lastInsertRowid) };
  });
  const named = "UPDATE users SET score = :score WHERE name = :name";
  await serverlessOp(conn, named, [0.5, "henry"], async () => {
    const r = await (await conn.prepare(named)).run({ score: 0.5, name: "henry" });
    return { expect: "run", changes: String(r.changes), lastInsertRowid: String(r.lastInsertRowid) };
  });
  await serverlessOp(conn, insert, ["henry", 1], async () => {
    await (await conn.prepare(insert)).run(["henry", 1]);
    return { expect: "run" };
  });
  await serverlessOp(conn, "SELEC 1", [], async () => {
    await (await conn.prepare("SELEC 1")).all();
    return { expect: "rows", rows: [] };
  });

  // Transactions through exec: the stream keeps the transaction across requests.
  await conn.exec("BEGIN IMMEDIATE");
  control("serverless", "BEGIN IMMEDIATE");
  if (conn.inTransaction !== true) throw new Error("serverless: not in a transaction after BEGIN");
  await serverlessOp(conn, insert, ["ida", 9.5], async () => {
    const r = await conn.run(insert, "ida", 9.5);
    return { expect: "run", changes: String(r.changes), lastInsertRowid: String(r.lastInsertRowid) };
  });
  await conn.exec("COMMIT");
  control("serverless", "COMMIT");
  await conn.exec("BEGIN");
  control("serverless", "BEGIN");
  await conn.run("INSERT INTO users (name) VALUES ('jack')");
  control("serverless", "INSERT INTO users (name) VALUES ('jack')");
  await conn.exec("ROLLBACK");
  control("serverless", "ROLLBACK");
  if (conn.inTransaction !== false) throw new Error("serverless: still in a transaction after ROLLBACK");

  const stmts = [{ sql: "INSERT INTO t2 VALUES (?)", args: [1] }, { sql: "INSERT INTO t2 VALUES (?)", args: [2] }];
  await conn.batch(stmts, "write");
  control("serverless", "BEGIN IMMEDIATE");
  stmts.forEach((s) => ops.push({ client: "serverless", sql: s.sql, args: s.args.map((a) => arg(a, serverlessNumbers)), expect: "none" }));
  control("serverless", "COMMIT");

  const final = "SELECT * FROM users ORDER BY id";
  await serverlessOp(conn, final, [], async () => {
    const stmt = (await conn.prepare(final)).safeIntegers().raw();
    return { expect: "rows", rows: (await stmt.all()).map((r) => r.map(typed)) };
  });
  await serverlessOp(conn, "SELECT x FROM t2 ORDER BY x", [], async () => {
    return { expect: "rows", rows: (await conn.all("SELECT x FROM t2 ORDER BY x")).map((r) => [typed(r.x)]) };
  });
  await conn.close();
}

try {
  await libsqlClient();
  await serverlessClient(`${base}db/${dbName}`);
  // A URL ending in '/' works for serverless too (it then asks for "…//v3/pipeline").
  const slash = connect({ url: `${base}db/${dbName}/` });
  const n = await slash.get("SELECT count(*) AS n FROM users");
  record("serverless", "SELECT count(*) AS n FROM users", [], serverlessNumbers, rowObject(["n"], n));
  await slash.close();
  process.stdout.write(JSON.stringify({ ops }) + "\n");
} catch (e) {
  process.stderr.write("clients.mjs failed: " + (e.stack ?? e) + "\n");
  process.exit(1);
}
