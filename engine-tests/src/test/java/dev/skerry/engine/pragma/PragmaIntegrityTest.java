package dev.skerry.engine.pragma;

import dev.skerry.testkit.ScriptSplitter;
import dev.skerry.testkit.SqliteEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code PRAGMA integrity_check} and {@code quick_check} against SQLite: {@code ok} on healthy databases of
 * varied shapes (deep trees, overflow chains, freelists, indexes, several page sizes), and SQLite's messages,
 * in SQLite's order, on files corrupted in the ways SQLite's own checks name: a freelist count that lies,
 * a page no tree uses, rowids out of order, a broken overflow chain, an overflow pointer past the end,
 * index entries that do not match the rows (missing, duplicated in a UNIQUE index), NULL in a NOT NULL
 * column; with the error limit {@code integrity_check(N)} and a single table {@code integrity_check(t)}.
 */
class PragmaIntegrityTest {
    private static final String CHECKS = """
        pragma integrity_check;
        pragma quick_check;
        pragma integrity_check(1);
        pragma integrity_check(2);
        pragma integrity_check(0);
        pragma quick_check(1);
        """;

    @Test
    void healthyDatabasesAreOk() {
        PragmaDiff.assertSame("""
            pragma integrity_check;
            create table t(a integer primary key, b text not null, c unique, d);
            create index td on t(d, b);
            insert into t select value, 'row' || value, value * 2, randomblob(value % 700)
              from (with recursive c(value) as (select 1 union all select value + 1 from c where value < 2000) select value from c);
            delete from t where a % 3 = 0;
            create table big(x);
            insert into big values(randomblob(20000)), (randomblob(5000));
            pragma integrity_check;
            pragma quick_check;
            pragma integrity_check(t);
            pragma integrity_check(sqlite_schema);
            pragma integrity_check(nosuch);
            drop table big;
            pragma integrity_check;
            """);
    }

    @Test
    void healthyFilesWithOtherPageSizesAreOk() throws IOException {
        for (int size : new int[] {512, 65536}) {
            PragmaDiff.assertSameOnFiles("pragma page_size = " + size + ";\n"
                    + "create table t(a, b unique);\n"
                    + "insert into t values(1, randomblob(3000)), (2, randomblob(100000)), (3, 'x');\n", """
                    pragma integrity_check;
                    insert into t values(4, randomblob(70000));
                    delete from t where a = 2;
                    pragma integrity_check;
                    """);
        }
    }

    private static final String ROWS = """
        create table t(a integer primary key, b text, c);
        create index i on t(b);
        create index u on t(c);
        insert into t values(1, 'x', 1), (2, 'y', 2), (3, null, 3), (4, 'z', 3);
        create table big(a integer primary key, b);
        insert into big values(1, randomblob(10000));
        create table two(x);
        insert into two values(5), (1);
        """;

    /** Index entries and rows that disagree, made with writable_schema as SQLite's own tests do. */
    @Test
    void indexAndNotNullProblemsAsSqlite() throws IOException {
        PragmaDiff.assertSameOnFiles(ROWS + """
            pragma writable_schema = on;
            update sqlite_schema set sql = 'CREATE INDEX i ON t(c)' where name = 'i';
            update sqlite_schema set sql = 'CREATE UNIQUE INDEX u ON t(c)' where name = 'u';
            update sqlite_schema set sql = 'CREATE TABLE t(a integer primary key, b text not null, c)' where name = 't';
            """, CHECKS + """
            pragma integrity_check(t);
            pragma integrity_check(two);
            """);
    }

    @Test
    void freelistCountThatLies() throws IOException {
        corrupted(ROWS + "delete from big;\n", (db, f) -> {
            f.seek(36);
            f.writeInt(f.readInt() + 3);
        });
    }

    @Test
    void pageNeverUsed() throws IOException {
        corrupted(ROWS, (db, f) -> {
            long pages = f.length() / 4096;
            f.setLength((pages + 1) * 4096);
            f.seek(28);
            f.writeInt((int) pages + 1);
        });
    }

    @Test
    void rowidsOutOfOrder() throws IOException {
        corrupted(ROWS, (db, f) -> {
            int page = rootPage(db, "two");
            long at = (long) (page - 1) * 4096 + 8;
            f.seek(at);
            int first = f.readUnsignedShort();
            int second = f.readUnsignedShort();
            f.seek(at);
            f.writeShort(second);
            f.writeShort(first);
        });
    }

    @Test
    void brokenOverflowChains() throws IOException {
        for (int target : new int[] {0, 99, -1}) {
            corrupted(ROWS, (db, f) -> {
                int page = rootPage(db, "big");
                long base = (long) (page - 1) * 4096;
                f.seek(base + 8);
                int cell = f.readUnsignedShort();
                // payload varint (2 bytes for 10005), rowid varint (1 byte), then 1821 local bytes (usable 4096)
                long ptr = base + cell + 3 + 1821;
                f.seek(ptr);
                int first = f.readInt();
                f.seek(ptr);
                f.writeInt(target == 0 ? first + 1 : target == -1 ? first : target);
                if (target == -1) {
                    f.seek((long) (first - 1) * 4096);
                    f.writeInt(page);
                }
            });
        }
    }

    private interface Corruption {
        void apply(Path db, RandomAccessFile f) throws IOException;
    }

    /** Builds the database with SQLite (rollback journal, so the file holds everything), corrupts it, compares. */
    private static void corrupted(String build, Corruption c) throws IOException {
        Path dir = Files.createTempDirectory("corrupt");
        Path db = dir.resolve("c.db");
        try {
            try (SqliteEngine s = new SqliteEngine(db.toString())) {
                for (String sql : ScriptSplitter.split(build)) {
                    s.run(sql);
                }
            }
            try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
                c.apply(db, f);
            }
            PragmaDiff.assertSameOnCopies(db, CHECKS);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static int rootPage(Path db, String table) {
        try (SqliteEngine s = new SqliteEngine(db.toString())) {
            String v = s.run("select rootpage from sqlite_schema where name = '" + table + "'").rows().get(0).get(0);
            return Integer.parseInt(v.substring(v.indexOf(':') + 1));
        }
    }
}
