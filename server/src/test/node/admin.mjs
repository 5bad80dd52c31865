// Drives the Skerry server's admin API with @tursodatabase/api (the Turso Platform API client, its baseUrl
// pointed at the server) and the databases it creates with @libsql/client using the tokens the API issues.
// Fails (exit code 1, with the failed assertion) unless every step behaves as Turso does; prints a JSON
// summary that AdminApiClientTest checks against the server's files.
//
// usage: node admin.mjs <base URL of the server> <admin token>
import assert from "node:assert/strict";
import { createClient as turso } from "@tursodatabase/api";
import { createClient } from "@libsql/client";

const [base, adminToken] = process.argv.slice(2);
const api = turso({ org: "skerry", token: adminToken, baseUrl: new URL("v1/", base).toString() });

async function refused(promise, pattern) {
  try {
    await promise;
  } catch (e) {
    const text = `${e.code ?? ""} ${e.message} ${e.cause?.message ?? ""} ${e.status ?? ""}`;
    assert.match(text, pattern);
    return text;
  }
  assert.fail("expected a refusal matching " + pattern);
}

const summary = {};

// Create, then use with a full-access token.
const created = await api.databases.create("notes");
assert.equal(created.name, "notes");
assert.ok(created.id);
const url = `http://${created.hostname}/`;
const { jwt } = await api.databases.createToken("notes", { authorization: "full-access" });
const notes = createClient({ url, authToken: jwt });
await notes.execute("CREATE TABLE n(id INTEGER PRIMARY KEY, body TEXT)");
await notes.execute({ sql: "INSERT INTO n(body) VALUES (?), (?)", args: ["one", "two"] });
assert.deepEqual((await notes.execute("SELECT body FROM n ORDER BY id")).rows.map((r) => r.body), ["one", "two"]);

// List and get.
const listed = await api.databases.list();
assert.deepEqual(listed.map((d) => d.name), ["notes"]);
const got = await api.databases.get("notes");
assert.equal(got.name, "notes");
assert.equal(got.id, created.id);
assert.equal(got.hostname, created.hostname);
await refused(api.databases.get("nothing"), /404|could not find/);
await refused(api.databases.create("notes"), /already exists/);
await refused(api.databases.create("Bad Name"), /invalid database name/);

// A read-only token reads and cannot write.
const ro = createClient({ url, authToken: (await api.databases.createToken("notes", { authorization: "read-only" })).jwt });
assert.equal((await ro.execute("SELECT count(*) AS c FROM n")).rows[0].c, 2);
summary.readOnlyWrite = await refused(ro.execute("INSERT INTO n(body) VALUES ('three')"), /SQLITE_AUTH/);
await refused(ro.batch(["INSERT INTO n(body) VALUES ('x')"], "write"), /SQLITE_AUTH/);
const readBatch = await ro.batch(["SELECT count(*) AS c FROM n", "SELECT max(id) AS m FROM n"], "read");
assert.equal(readBatch[0].rows[0].c, 2);
await refused(ro.batch(["SELECT 1", "DELETE FROM n"], "deferred"), /SQLITE_AUTH/);
assert.equal((await notes.execute("SELECT count(*) AS c FROM n")).rows[0].c, 2);

// A token for notes gives nothing on another database.
const other = await api.databases.create("other");
const onOther = createClient({ url: `http://${other.hostname}/`, authToken: jwt });
summary.otherDatabase = await refused(onOther.execute("SELECT 1"), /401|not valid for database other/);
const otherClient = createClient({ url: `http://${other.hostname}/`,
  authToken: (await api.databases.createToken("other")).jwt });
await otherClient.execute("CREATE TABLE o(x)");
await refused(otherClient.execute("SELECT * FROM n"), /no such table: n/);

// An expired token is refused.
const shortLived = (await api.databases.createToken("notes", { expiration: "1s" })).jwt;
await new Promise((resolve) => setTimeout(resolve, 2500));
summary.expired = await refused(createClient({ url, authToken: shortLived }).execute("SELECT 1"), /401|expired/);
await refused(createClient({ url }).execute("SELECT 1"), /401|Authorization/);

// A branch is a copy whose writes never reach its source (and the other way round).
const branch = await api.databases.create("notes-branch", { seed: { type: "database", name: "notes" } });
const b = createClient({ url: `http://${branch.hostname}/`,
  authToken: (await api.databases.createToken("notes-branch")).jwt });
assert.deepEqual((await b.execute("SELECT body FROM n ORDER BY id")).rows.map((r) => r.body), ["one", "two"]);
await b.execute("INSERT INTO n(body) VALUES ('branch only')");
await notes.execute("INSERT INTO n(body) VALUES ('source only')");
assert.deepEqual((await b.execute("SELECT body FROM n ORDER BY id")).rows.map((r) => r.body),
  ["one", "two", "branch only"]);
assert.deepEqual((await notes.execute("SELECT body FROM n ORDER BY id")).rows.map((r) => r.body),
  ["one", "two", "source only"]);
await refused(api.databases.create("b2", { seed: { type: "database", name: "nothing" } }), /could not find/);

// Delete.
assert.deepEqual((await api.databases.list()).map((d) => d.name).sort(), ["notes", "notes-branch", "other"]);
await api.databases.delete("notes-branch");
await refused(api.databases.get("notes-branch"), /could not find/);
await refused(api.databases.delete("notes-branch"), /could not find/);
assert.deepEqual((await api.databases.list()).map((d) => d.name).sort(), ["notes", "other"]);
await refused(api.databases.createToken("notes-branch"), /could not find/);

// The admin API needs the admin token.
const stranger = turso({ org: "skerry", token: jwt, baseUrl: new URL("v1/", base).toString() });
await refused(stranger.databases.list(), /admin token/);

summary.databases = (await api.databases.list()).map((d) => d.name);
console.log(JSON.stringify(summary));
