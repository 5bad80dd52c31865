package dev.skerry.engine.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite (sqlite-jdbc) on disk files, for the WAL tests: make databases, read them back, check them. */
final class SqliteFiles {
    private SqliteFiles() {
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The rows of a query, each row's columns joined with '|'. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        b.append('|');
                    }
                    b.append(r.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    /** A WAL-mode database with automatic checkpoints off. */
    static Connection openWalMode(Path db) throws SQLException {
        Connection c = open(db);
        exec(c, "PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0");
        return c;
    }

    /** Copies {@code db} and its {@code -wal} (if any; never {@code -shm}) to {@code dir}; returns the copy. */
    static Path copyWithWal(Path db, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(db.getFileName());
        Files.copy(db, target);
        Path wal = Path.of(db + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, Path.of(target + "-wal"));
        }
        return target;
    }

    /** Writes a database and its log (none when {@code wal} is null) as files in {@code dir}. */
    static Path write(Path dir, String name, byte[] db, byte[] wal) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.write(target, db);
        if (wal != null) {
            Files.write(Path.of(target + "-wal"), wal);
        }
        return target;
    }

    /** SQLite's checkpoint of a copy: returns the number of frames SQLite found in the log. */
    static int checkpointTruncate(Path db) throws SQLException {
        try (Connection c = open(db)) {
            List<String> r = rows(c, "PRAGMA wal_checkpoint(FULL)");
            checkpointTruncateOn(c);
            String[] f = r.get(0).split("\\|");
            if (!f[0].equals("0")) {
                throw new AssertionError("checkpoint busy: " + r);
            }
            return Integer.parseInt(f[1]);
        }
    }

    static String integrity(Path db) throws SQLException {
        try (Connection c = open(db)) {
            return String.join("\n", rows(c, "PRAGMA integrity_check"));
        }
    }

    static int pageSize(byte[] db) {
        int v = ((db[16] & 0xff) << 8) | (db[17] & 0xff);
        return v == 1 ? 65536 : v;
    }

    static byte[] page(byte[] db, int pgno, int pageSize) {
        byte[] p = new byte[pageSize];
        int off = (pgno - 1) * pageSize;
        if (off < db.length) {
            System.arraycopy(db, off, p, 0, Math.min(pageSize, db.length - off));
        }
        return p;
    }

    /** The page numbers of {@code pgnos} as an array. */
    static int[] numbers(List<Integer> pgnos) {
        return pgnos.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The pages {@code pgnos} of the database image {@code db}, in that order. */
    static byte[][] pages(byte[] db, List<Integer> pgnos, int pageSize) {
        byte[][] out = new byte[pgnos.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = page(db, pgnos.get(i), pageSize);
        }
        return out;
    }

    /** A full checkpoint on an open connection, truncating the log. */
    static void checkpointTruncateOn(Connection c) throws SQLException {
        List<String> r = rows(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (!r.get(0).startsWith("0|")) {
            throw new AssertionError("checkpoint busy: " + r);
        }
    }
}
