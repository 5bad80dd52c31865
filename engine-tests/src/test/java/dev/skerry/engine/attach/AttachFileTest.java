package dev.skerry.engine.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached database files on {@code FileVfs} (inline or deferred completions): what Skerry writes into an
 * attached file in a transaction spanning two files, SQLite reads (integrity_check ok, same rows); a file
 * SQLite made, Skerry attaches and reads, and the same statements give SQLite's answers on both engines.
 */
class AttachFileTest {
    @TempDir
    Path dir;

    private static String rows(Outcome o) {
        assertFalse(o.isError(), () -> o.errorMessage());
        return o.rows().toString();
    }

    @Test
    void sqliteReadsWhatSkerryWroteIntoAnAttachedFile() throws Exception {
        Path aux = dir.resolve("aux.db");
        String attach = "attach '" + aux + "' as aux";
        String[] script = {
            "create table m(a)",
            attach,
            "create table aux.t(x integer primary key, y text unique)",
            "create index aux.ty on t(y)",
            "begin",
            "insert into m values (1)",
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000) "
                    + "insert into aux.t select i, 'row ' || i from n",
            "commit",
            "begin",
            "delete from aux.t where x % 3 = 0",
            "insert into m values (2)",
            "rollback",
            "update aux.t set y = y || '!' where x % 7 = 0",
            "pragma aux.integrity_check",
            "select count(*), sum(x), max(y) from aux.t",
            "select * from m",
            "select seq, name from pragma_database_list where name = 'aux'",
        };
        String[] skerryOut = new String[script.length];
        try (SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(new FileVfs()), dir.resolve("main.db").toString())) {
            for (int i = 0; i < script.length; i++) {
                skerryOut[i] = rows(skerry.run(script[i]));
            }
            assertEquals("[]", rows(skerry.run("detach aux")));
        }
        Path refAux = dir.resolve("ref-aux.db");
        try (SqliteEngine sqlite = new SqliteEngine(dir.resolve("ref-main.db").toString())) {
            for (int i = 0; i < script.length; i++) {
                String sql = script[i].equals(attach) ? "attach '" + refAux + "' as aux" : script[i];
                assertEquals(rows(sqlite.run(sql)), skerryOut[i], sql);
            }
        }
        try (SqliteEngine sqlite = new SqliteEngine(aux.toString())) {
            assertEquals("[[text:ok]]", rows(sqlite.run("pragma integrity_check")));
            assertEquals(skerryOut[14], rows(sqlite.run("select count(*), sum(x), max(y) from t")));
            assertEquals("[[int:1000]]", rows(sqlite.run("select count(*) from t where x % 3 = 0")));
        }
        Files.deleteIfExists(dir.resolve("main.db"));
    }

    @Test
    void skerryAttachesSqlitesFile() throws Exception {
        Path aux = dir.resolve("made-by-sqlite.db");
        try (SqliteEngine sqlite = new SqliteEngine(aux.toString())) {
            rows(sqlite.run("create table t(a, b)"));
            rows(sqlite.run("insert into t values (1, 'one'), (2, 'two')"));
            rows(sqlite.run("create view v as select b from t"));
        }
        try (SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(new FileVfs()), dir.resolve("main2.db").toString())) {
            rows(skerry.run("attach '" + aux + "' as other"));
            assertEquals("[[int:1, text:one], [int:2, text:two]]", rows(skerry.run("select * from other.t order by a")));
            assertEquals("[[text:one], [text:two]]", rows(skerry.run("select * from other.v order by b")));
            rows(skerry.run("insert into other.t values (3, 'three')"));
            rows(skerry.run("detach other"));
        }
        try (SqliteEngine sqlite = new SqliteEngine(aux.toString())) {
            assertEquals("[[text:ok]]", rows(sqlite.run("pragma integrity_check")));
            assertEquals("[[int:3]]", rows(sqlite.run("select count(*) from t")));
        }
    }
}
