package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VACUUM and VACUUM INTO in database files, both ways: SQLite reads the file Skerry vacuumed (integrity, same
 * schema with root pages and rowids, same page count as SQLite's VACUUM of a WAL database after the same
 * heavy delete workload, and a file that shrank) and the file of Skerry's VACUUM INTO (a rollback-journal
 * file, as SQLite's); Skerry vacuums a file SQLite wrote with free pages. The databases hold WITHOUT ROWID
 * tables with secondary indexes. Attached databases (a file, one in memory) are vacuumed and vacuumed INTO
 * files as SQLite does. Also the error of a non-empty INTO target and of a statement in progress, as SQLite
 * gives them.
 */
class VacuumFileTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "create table t(id integer primary key, a int, b text, c blob)",
        "create index t_b on t(b)",
        "create table plain(x, y)",
        "create table idx(x, y unique)",
        "create table seq(id integer primary key autoincrement, v)",
        "create view vt as select id, b from t",
        "create trigger tg after insert on seq begin insert into plain values(new.id, 'trig'); end",
        "create index t_ab on t(a desc, b collate nocase) where a > 10",
        "create table wr(k text, n int, v blob, primary key(k, n desc)) without rowid",
        "create index wr_n on wr(n, length(v))",
        "create table wu(x text primary key collate nocase, y unique, z) without rowid",
    };

    private static final String[] WORK = {
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 2500) "
                + "insert into t select i, i % 97, printf('text-%06d', i * 7919 % 2503), zeroblob(i % 1500) from n",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 600) "
                + "insert into plain select i, printf('%0300d', i) from n",
        "insert into idx select x, y || '-u' from plain",
        "insert into seq(v) select y from plain where x < 50",
        "delete from t where id % 9 <> 0",
        "delete from plain where x % 4 <> 1",
        "delete from idx where x % 3 = 0",
        "delete from seq where id % 2 = 0",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1800) "
                + "insert into wr select printf('k%05d', i * 7919 % 1801), i % 173, zeroblob(i % 900) from n",
        "insert into wu select printf('X%04d', rowid), rowid * 3, y from plain",
        "delete from wr where n % 6 <> 0",
        "delete from wu where y % 4 = 0",
    };

    private static final String[] CHECKS = {
        "select rowid, type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid",
        "select id, a, b, length(c) from t order by id",
        "select rowid, x, y from plain order by rowid",
        "select rowid, x, y from idx order by rowid",
        "select * from seq order by id",
        "select * from sqlite_sequence",
        "select b from t where a > 50 order by a desc, b collate nocase",
        "select k, n, length(v) from wr order by k, n desc",
        "select n, count(*), sum(length(v)) from wr indexed by wr_n where n < 60 group by n",
        "select x, y, length(z) from wu order by x",
        "select x from wu where x = 'x0005'",
        "pragma page_count",
        "pragma freelist_count",
        "pragma user_version",
        "pragma schema_version",
    };

    private static void run(Db db, String... sql) throws Exception {
        for (String s : sql) {
            db.exec(s);
        }
    }

    @Test
    void sqliteReadsSkerrysVacuumedFile() throws Exception {
        Path skerryFile = dir.resolve("skerry.db");
        Path sqliteFile = dir.resolve("sqlite.db");
        long before;
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), skerryFile.toString());
        try {
            run(skerry, SCHEMA);
            run(skerry, WORK);
            skerry.exec("pragma user_version = 42");
            before = (Long) skerry.query("pragma page_count").get(0).get(0);
            skerry.exec("vacuum");
            assertEquals(0L, skerry.query("pragma freelist_count").get(0).get(0));
        } finally {
            skerry.close();
        }
        try (JdbcDb reference = new JdbcDb(sqliteFile); JdbcDb sqlite = new JdbcDb(skerryFile)) {
            reference.query("pragma journal_mode = wal");
            run(reference, SCHEMA);
            run(reference, WORK);
            reference.exec("pragma user_version = 42");
            long referenceBefore = (Long) reference.query("pragma page_count").get(0).get(0);
            reference.exec("vacuum");
            assertEquals(List.of(List.of("ok")), sqlite.query("pragma integrity_check"));
            for (String q : CHECKS) {
                Rows.assertSame(reference.query(q), sqlite.query(q), q);
            }
            long after = (Long) sqlite.query("pragma page_count").get(0).get(0);
            assertEquals(after * 4096, Files.size(skerryFile), "the file shrank to the vacuumed size");
            assertTrue(after * 3 < before, "heavy delete: " + before + " pages before, " + after + " after");
            System.out.println("VacuumFileTest pages: Skerry " + before + " -> " + after + "; SQLite "
                    + referenceBefore + " -> " + reference.query("pragma page_count").get(0).get(0));
        }
    }

    @Test
    void sqliteReadsSkerrysVacuumInto() throws Exception {
        Path skerryFile = dir.resolve("skerry.db");
        Path sqliteFile = dir.resolve("sqlite.db");
        Path skerryInto = dir.resolve("skerry-into.db");
        Path sqliteInto = dir.resolve("sqlite-into.db");
        Path skerryBig = dir.resolve("skerry-8k.db");
        Path sqliteBig = dir.resolve("sqlite-8k.db");
        Path empty = dir.resolve("empty.db");
        Files.write(empty, new byte[0]);
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), skerryFile.toString());
        String skerryError;
        try (JdbcDb reference = new JdbcDb(sqliteFile)) {
            reference.query("pragma journal_mode = wal");
            for (Db db : new Db[] {skerry, reference}) {
                run(db, SCHEMA);
                run(db, WORK);
                db.exec("pragma application_id = 7");
            }
            skerry.exec("vacuum into ?", skerryInto.toString());
            reference.exec("vacuum into ?", sqliteInto.toString());
            skerry.exec("pragma page_size = 8192");
            reference.exec("pragma page_size = 8192");
            skerry.exec("vacuum main into ?", skerryBig.toString());
            reference.exec("vacuum main into ?", sqliteBig.toString());
            skerry.exec("vacuum into ?", empty.toString());
            skerryError = assertThrows(SqliteException.class, () -> skerry.exec("vacuum into ?", skerryInto.toString())).getMessage();
            Exception sqliteError = assertThrows(Exception.class, () -> reference.exec("vacuum into ?", sqliteInto.toString()));
            assertTrue(sqliteError.getMessage().contains("(" + skerryError + ")"), sqliteError.getMessage() + " vs " + skerryError);
            String nowhere = dir.resolve("no-such-dir").resolve("x.db").toString();
            SqliteException cannotOpen = assertThrows(SqliteException.class, () -> skerry.exec("vacuum into (?)", nowhere));
            Exception sqliteCannotOpen = assertThrows(Exception.class, () -> reference.exec("vacuum into (?)", nowhere));
            assertTrue(sqliteCannotOpen.getMessage().contains("(" + cannotOpen.getMessage() + ")")
                    && sqliteCannotOpen.getMessage().contains("SQLITE_CANTOPEN") && cannotOpen.code() == 14,
                    sqliteCannotOpen.getMessage() + " vs " + cannotOpen.getMessage());
        } finally {
            skerry.close();
        }
        assertEquals("output file already exists", skerryError);
        for (Path[] pair : new Path[][] {{sqliteInto, skerryInto}, {sqliteBig, skerryBig}, {sqliteInto, empty}}) {
            byte[] header = Files.readAllBytes(pair[1]);
            assertEquals(1, header[18], "VACUUM INTO writes a rollback-journal file");
            assertEquals(Files.size(pair[0]), Files.size(pair[1]), pair[1].toString());
            try (JdbcDb reference = new JdbcDb(pair[0]); JdbcDb sqlite = new JdbcDb(pair[1])) {
                assertEquals(List.of(List.of("ok")), sqlite.query("pragma integrity_check"));
                for (String q : CHECKS) {
                    Rows.assertSame(reference.query(q), sqlite.query(q), pair[1] + ": " + q);
                }
                for (String q : new String[] {"pragma page_size", "pragma application_id", "pragma journal_mode"}) {
                    Rows.assertSame(reference.query(q), sqlite.query(q), q);
                }
            }
        }
    }

    private static final String[] MEMORY_SCHEMA = {
        "create table mem.w(a int, b text, c blob, primary key(b, a desc)) without rowid",
        "create index mem.w_c on w(length(c), a)",
        "create table mem.s(id integer primary key autoincrement, v)",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1500) "
                + "insert into mem.w select i % 211, printf('key-%05d', i * 7919 % 1503), zeroblob(i % 400) from n",
        "insert into mem.s(v) select b from mem.w where a < 50",
        "delete from mem.w where a % 5 <> 0",
        "delete from mem.s where id % 3 = 0",
    };

    private static final String[] MEMORY_CHECKS = {
        "select rowid, type, name, tbl_name, rootpage, sql from %ssqlite_schema order by rowid",
        "select a, b, length(c) from %sw order by b, a desc",
        "select count(*), sum(a) from %sw where length(c) between 100 and 200",
        "select * from %ss order by id",
        "select * from %ssqlite_sequence",
        "pragma %spage_count",
        "pragma %spage_size",
        "pragma %sfreelist_count",
        "pragma %sintegrity_check",
    };

    private static String in(String check, String db) {
        return check.replace("%s", db);
    }

    /**
     * VACUUM of an attached file database in place, VACUUM INTO of it (with the page size asked for) and of an
     * attached in-memory database (whose page size does not change), and VACUUM of the in-memory one, on Skerry
     * and on SQLite: the files and the databases compared.
     */
    @Test
    void attachedDatabases() throws Exception {
        String[] names = {"aux", "aux-into", "aux-into-8k", "mem-into", "mem-into-8k"};
        Path[] skerryFiles = new Path[names.length];
        Path[] sqliteFiles = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            skerryFiles[i] = dir.resolve("skerry-" + names[i] + ".db");
            sqliteFiles[i] = dir.resolve("sqlite-" + names[i] + ".db");
        }
        SkerryDb auxBuilder = SkerryDb.open(TestVfs.wrap(new FileVfs()), skerryFiles[0].toString());
        try {
            run(auxBuilder, SCHEMA);
            run(auxBuilder, WORK);
        } finally {
            auxBuilder.close();
        }
        try (JdbcDb reference = new JdbcDb(sqliteFiles[0])) {
            reference.query("pragma journal_mode = wal");
            run(reference, SCHEMA);
            run(reference, WORK);
        }
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), dir.resolve("skerry-main.db").toString());
        try (JdbcDb reference = new JdbcDb(dir.resolve("sqlite-main.db"))) {
            reference.query("pragma journal_mode = wal");
            Db[] dbs = {skerry, reference};
            Path[][] files = {skerryFiles, sqliteFiles};
            for (int d = 0; d < 2; d++) {
                Db db = dbs[d];
                Path[] f = files[d];
                db.exec("create table m(x)");
                db.exec("attach '" + f[0] + "' as aux");
                db.exec("attach ':memory:' as mem");
                run(db, MEMORY_SCHEMA);
                // Each VACUUM INTO has its own text: SkerryDb reuses a statement prepared for the same text, and
                // Skerry takes the PRAGMA page_size value when the VACUUM is compiled.
                db.exec("vacuum aux into ?", f[1].toString());
                db.exec("pragma page_size = 8192");
                db.exec("vacuum aux into (?)", f[2].toString());
                db.exec("vacuum mem into ?", f[3].toString());
                db.exec("pragma mem.page_size = 8192");
                db.exec("vacuum mem into (?)", f[4].toString());
                db.exec("vacuum aux");
                db.exec("vacuum mem");
            }
            for (String q : MEMORY_CHECKS) {
                Rows.assertSame(reference.query(in(q, "mem.")), skerry.query(in(q, "mem.")), in(q, "mem."));
            }
            Rows.assertSame(reference.query("select name from sqlite_schema"), skerry.query("select name from sqlite_schema"), "main");
        } finally {
            skerry.close();
        }
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                assertEquals(1, Files.readAllBytes(skerryFiles[i])[18], "VACUUM INTO writes a rollback-journal file");
                assertEquals(Files.size(sqliteFiles[i]), Files.size(skerryFiles[i]), skerryFiles[i].toString());
            }
            try (JdbcDb reference = new JdbcDb(sqliteFiles[i]); JdbcDb sqlite = new JdbcDb(skerryFiles[i])) {
                assertEquals(List.of(List.of("ok")), sqlite.query("pragma integrity_check"));
                String[] checks = names[i].startsWith("aux") ? CHECKS : MEMORY_CHECKS;
                for (String q : checks) {
                    Rows.assertSame(reference.query(in(q, "")), sqlite.query(in(q, "")), names[i] + ": " + q);
                }
                Rows.assertSame(reference.query("pragma page_size"), sqlite.query("pragma page_size"), names[i]);
            }
        }
    }

    @Test
    void skerryVacuumsSqlitesFileWithFreePages() throws Exception {
        Path original = dir.resolve("original.db");
        Path forSkerry = dir.resolve("for-skerry.db");
        try (JdbcDb sqlite = new JdbcDb(original)) {
            run(sqlite, SCHEMA);
            run(sqlite, WORK);
            assertTrue((Long) sqlite.query("pragma freelist_count").get(0).get(0) > 100);
        }
        Files.copy(original, forSkerry);
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), forSkerry.toString());
        try {
            skerry.exec("vacuum");
            assertEquals(0L, skerry.query("pragma freelist_count").get(0).get(0));
            skerry.exec("insert into seq(v) values('after')");
        } finally {
            skerry.close();
        }
        try (JdbcDb reference = new JdbcDb(original); JdbcDb sqlite = new JdbcDb(forSkerry)) {
            reference.exec("vacuum");
            reference.exec("insert into seq(v) values('after')");
            assertEquals(List.of(List.of("ok")), sqlite.query("pragma integrity_check"));
            for (String q : CHECKS) {
                Rows.assertSame(reference.query(q), sqlite.query(q), q);
            }
        }
    }

    /** A schema whose only row does not fit page 1 below the header, and one of many rows spilling from it. */
    @Test
    void schemaLargerThanPageOne() throws Exception {
        StringBuilder wide = new StringBuilder("create table wide(c0");
        for (int i = 1; i < 400; i++) {
            wide.append(", column_number_").append(i);
        }
        String[][] schemas = {
            {wide.append(')').toString(), "insert into wide(c0, column_number_399) values(1, 2)"},
            {"create table a1(x)", "create table a2(x unique)", "create index a2x on a2(x, x)", wide.toString(),
                "create view v1 as select * from a1", "insert into a2 values(3)"},
        };
        for (String[] schema : schemas) {
            Path skerryFile = dir.resolve("wide" + schema.length + ".db");
            Path sqliteFile = dir.resolve("wide-sqlite" + schema.length + ".db");
            SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), skerryFile.toString());
            try {
                run(skerry, schema);
                skerry.exec("vacuum");
            } finally {
                skerry.close();
            }
            try (JdbcDb reference = new JdbcDb(sqliteFile); JdbcDb sqlite = new JdbcDb(skerryFile)) {
                reference.query("pragma journal_mode = wal");
                run(reference, schema);
                reference.exec("vacuum");
                assertEquals(List.of(List.of("ok")), sqlite.query("pragma integrity_check"));
                for (String q : new String[] {CHECKS[0], "pragma page_count", "select * from wide", "select * from a2"}) {
                    if (q.contains("a2") && schema.length == 2) {
                        continue;
                    }
                    Rows.assertSame(reference.query(q), sqlite.query(q), q);
                }
            }
        }
    }

    @Test
    void statementInProgress() throws Exception {
        String expected;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("busy.db"));
                java.sql.Statement s = c.createStatement(); java.sql.Statement v = c.createStatement()) {
            s.execute("create table t(x)");
            s.execute("insert into t values(1), (2)");
            java.sql.ResultSet rs = s.executeQuery("select x from t");
            rs.next();
            expected = assertThrows(java.sql.SQLException.class, () -> v.execute("vacuum")).getMessage();
        }
        var vfs = TestVfs.wrap(new FileVfs());
        Connection conn = HostLoop.open(vfs, dir.resolve("skerry-busy.db").toString());
        try {
            for (String sql : new String[] {"create table t(x)", "insert into t values(1), (2)"}) {
                Statement st = conn.prepare(sql);
                HostLoop.step(st, vfs);
                st.close();
            }
            Statement select = conn.prepare("select x from t");
            assertEquals(StepResult.ROW, HostLoop.step(select, vfs));
            Statement vacuum = conn.prepare("vacuum");
            String got = assertThrows(SqliteException.class, () -> HostLoop.step(vacuum, vfs)).getMessage();
            assertTrue(expected.contains("(" + got + ")"), expected + " vs " + got);
            vacuum.close();
            select.close();
        } finally {
            HostLoop.close(conn, vfs);
        }
    }
}
