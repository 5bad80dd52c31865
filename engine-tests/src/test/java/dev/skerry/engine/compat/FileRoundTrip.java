package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

/**
 * The round trip of the file tests: a database file that one engine writes and the other opens, beside a
 * reference file SQLite wrote with the same statements. Skerry runs on {@code FileVfs}
 * ({@link SkerryDb#openFile}), SQLite through sqlite-jdbc ({@link JdbcDb}); rows are compared value by value
 * and storage class by storage class ({@link Rows}), and every file SQLite opens after Skerry wrote it must
 * pass SQLite's {@code integrity_check}.
 *
 * <p>Both directions: {@link #sqliteOpensSkerrysFile} (Skerry writes, SQLite reads and goes on writing) and
 * {@link #skerryChangesSqlitesFile} (SQLite writes, Skerry reads and changes, SQLite reads again).
 */
final class FileRoundTrip {
    private FileRoundTrip() {
    }

    /** What a test checks on the file under test against the reference file. */
    interface Check {
        void run(Db reference, Db file) throws Exception;
    }

    /** Runs each statement of each script on {@code db}, in order. */
    static void run(Db db, String[]... scripts) throws Exception {
        for (String[] script : scripts) {
            for (String sql : script) {
                db.exec(sql);
            }
        }
    }

    /** Skerry opens (or creates) {@code file}, runs the scripts and closes it. */
    static void skerryWrites(Path file, String[]... scripts) throws Exception {
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            run(skerry, scripts);
        }
    }

    /** SQLite opens (or creates) {@code file}, runs the scripts and closes it. */
    static void sqliteWrites(Path file, String[]... scripts) throws Exception {
        try (JdbcDb sqlite = new JdbcDb(file)) {
            run(sqlite, scripts);
        }
    }

    /** {@code PRAGMA integrity_check} on {@code db} answers one row, {@code ok}. */
    static void assertIntact(Db db) throws Exception {
        assertIntact(db, "integrity_check");
    }

    /** {@link #assertIntact(Db)}, naming {@code where} when it fails. */
    static void assertIntact(Db db, String where) throws Exception {
        assertEquals(List.of(List.of("ok")), db.query("PRAGMA integrity_check"), where);
    }

    /** Each query gives on {@code db} the rows it gives on {@code reference}. */
    static void assertSameRows(Db reference, Db db, String... queries) throws Exception {
        for (String q : queries) {
            Rows.assertSame(reference.query(q), db.query(q), q);
        }
    }

    /**
     * Skerry writes {@code dir/skerry.db} and SQLite {@code dir/sqlite.db} with the same scripts; then SQLite
     * opens both, finds Skerry's file intact, and {@code check} compares it with SQLite's.
     */
    static void sqliteOpensSkerrysFile(Path dir, String[][] scripts, Check check) throws Exception {
        Path skerryFile = dir.resolve("skerry.db");
        Path sqliteFile = dir.resolve("sqlite.db");
        skerryWrites(skerryFile, scripts);
        sqliteWrites(sqliteFile, scripts);
        try (JdbcDb reference = new JdbcDb(sqliteFile); JdbcDb sqlite = new JdbcDb(skerryFile)) {
            assertIntact(sqlite, "SQLite on Skerry's file");
            check.run(reference, sqlite);
        }
    }

    /**
     * SQLite writes {@code dir/made-by-sqlite.db} and {@code dir/reference.db} with the same scripts; Skerry
     * opens the first, {@code withSkerry} checks and changes it (changing the reference alike) and Skerry
     * closes it; then SQLite opens it again, finds it intact, and {@code afterwards} compares it with the
     * reference.
     */
    static void skerryChangesSqlitesFile(Path dir, String[][] scripts, Check withSkerry, Check afterwards)
            throws Exception {
        Path file = dir.resolve("made-by-sqlite.db");
        Path referenceFile = dir.resolve("reference.db");
        sqliteWrites(file, scripts);
        sqliteWrites(referenceFile, scripts);
        try (JdbcDb reference = new JdbcDb(referenceFile); SkerryDb skerry = SkerryDb.openFile(file)) {
            withSkerry.run(reference, skerry);
        }
        try (JdbcDb reference = new JdbcDb(referenceFile); JdbcDb sqlite = new JdbcDb(file)) {
            assertIntact(sqlite, "SQLite on the file Skerry changed");
            afterwards.run(reference, sqlite);
        }
    }
}
