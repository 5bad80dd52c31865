package dev.skerry.engine.pragma;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.ScriptSplitter;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support for the PRAGMA tests: runs a script through SQLite (sqlite-jdbc 3.50.3) and Skerry statement by
 * statement and compares the outcomes <em>in order</em> (a pragma's row order is part of its answer): column
 * names, rows with their storage classes, errors with their codes and messages. Either both on fresh in-memory
 * databases, or both on files (SQLite's in WAL mode, as Skerry's always are); on files, each engine's own
 * path in a value is replaced by {@code <db>} so that {@code database_list} can be compared.
 */
final class PragmaDiff {
    private PragmaDiff() {
    }

    /** Throws an AssertionError listing every statement whose outcome differs (in-memory databases). */
    static void assertSame(String script) {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            compare(script, sqlite, skerry, null, null);
        }
    }

    /**
     * As {@link #assertSame}, on files in a fresh folder: SQLite's database is first put in WAL mode.
     * {@code prepare}, when not null, runs first on SQLite alone (to build a file both engines then open:
     * the file is copied for Skerry after SQLite closes it).
     */
    static void assertSameOnFiles(String prepare, String script) throws IOException {
        onFiles((a, b) -> {
            if (prepare != null) {
                try (SqliteEngine s = new SqliteEngine(a.toString())) {
                    s.runScript(prepare);
                }
                Files.copy(a, b);
            }
            try (SqliteEngine sqlite = new SqliteEngine(a.toString());
                    SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(new FileVfs()), b.toString())) {
                sqlite.run("PRAGMA journal_mode=WAL");
                compare(script, sqlite, skerry, a.toString(), b.toString());
            }
        });
    }

    /**
     * Compares {@code script} on two copies of the database file {@code source} (SQLite's left in the journal
     * mode the file has, so a damaged file is read as it is).
     */
    static void assertSameOnCopies(Path source, String script) throws IOException {
        onFiles((a, b) -> {
            Files.copy(source, a);
            Files.copy(source, b);
            try (SqliteEngine sqlite = new SqliteEngine(a.toString());
                    SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(new FileVfs()), b.toString())) {
                compare(script, sqlite, skerry, a.toString(), b.toString());
            }
        });
    }

    /** What runs on the two database paths of a fresh folder: SQLite's and Skerry's. */
    private interface FilesBody {
        void run(Path sqliteFile, Path skerryFile) throws IOException;
    }

    /** Runs {@code body} on {@code sqlite.db} and {@code skerry.db} of a fresh folder, then deletes the folder. */
    private static void onFiles(FilesBody body) throws IOException {
        Path dir = Files.createTempDirectory("pragma");
        try {
            body.run(dir.resolve("sqlite.db"), dir.resolve("skerry.db"));
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void compare(String script, SqliteEngine sqlite, SkerryEngine skerry, String pathA, String pathB) {
        List<String> diffs = new ArrayList<>();
        for (String sql : ScriptSplitter.split(script)) {
            Outcome want = sqlite.run(sql);
            Outcome got;
            try {
                got = skerry.run(sql);
            } catch (RuntimeException e) {
                diffs.add(sql + "\n  SQLite: " + want + "\n  Skerry threw " + e);
                continue;
            }
            String w = want.toString();
            String g = got.toString();
            if (pathA != null) {
                w = w.replace(pathA, "<db>");
                g = g.replace(pathB, "<db>");
            }
            if (!w.equals(g)) {
                diffs.add(sql + "\n  SQLite: " + w + "\n  Skerry: " + g);
            }
        }
        if (!diffs.isEmpty()) {
            throw new AssertionError(diffs.size() + " difference(s):\n" + String.join("\n", diffs));
        }
    }
}
