package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.memdb.MemoryFiles;
import dev.skerry.engine.pager.Pager;
import java.util.ArrayList;

/**
 * The attached databases of one connection (databases 2 and up, SQLite's {@code db->aDb[2…]}): their names,
 * file names and pagers, and the opcodes {@code Attach} and {@code Detach} that change them.
 *
 * <p>States: each listed database is OPEN (pager opened, schema loaded into the connection's schema by the
 * {@link ConnectionState.SchemaLoader}). An ATTACH in progress is OPENING: its pager lives in {@code opening}
 * until the file is open and its schema read (each step re-callable after IoPending), then it is appended.
 * A DETACH closes the pager (re-callable: checkpoint, close) and only then removes the entry, so the
 * databases after it move down one index. Invariants: names are unique (ASCII case ignored) and differ from
 * {@code main} and {@code temp}; at most {@link #MAX_ATTACHED}; the pagers follow the transaction rules of the
 * TEMP database ({@link ConnectionState}): committed, rolled back and released together with main.
 */
public final class AttachedDatabases {
    /** SQLite's {@code SQLITE_MAX_ATTACHED} default. */
    public static final int MAX_ATTACHED = 10;

    private final ConnectionState db;
    private final ArrayList<Pager> pagers = new ArrayList<>();
    private final ArrayList<String> names = new ArrayList<>();
    private final ArrayList<String> files = new ArrayList<>();
    /** The ATTACH in progress: its pager, name, file, and step (0 open the file, 1 read transaction, 2 schema). */
    private Pager opening;
    private String openingName;
    private String openingFile;
    private int openingStep;
    /** The number of databases attached so far, for unique names of in-memory ones. */
    private int memoryDatabases;

    AttachedDatabases(ConnectionState db) {
        this.db = db;
    }

    /** The number of attached databases. */
    public int count() {
        return pagers.size();
    }

    Pager pager(int iDb) {
        return pagers.get(iDb - 2);
    }

    /** The name database {@code iDb} (2 or more) was attached under. */
    public String name(int iDb) {
        return names.get(iDb - 2);
    }

    /** The file name database {@code iDb} was attached from, as given ({@code ""}, {@code :memory:} or a path). */
    public String file(int iDb) {
        return files.get(iDb - 2);
    }

    /**
     * The Attach opcode: opens {@code file} through the main database's VFS ({@code ""} and {@code :memory:}: a
     * new database in memory) and makes it database {@code 2 + count()} named {@code name}, its schema loaded.
     * Re-callable after IoPending: the same ATTACH goes on where it stopped.
     */
    void attach(String file, String name) throws IoPending, SqliteException {
        if (opening == null || !name.equals(openingName) || !file.equals(openingFile)) {
            if (pagers.size() >= MAX_ATTACHED) {
                throw SqliteException.error("too many attached databases - max " + MAX_ATTACHED);
            }
            if (isNamed(name)) {
                throw SqliteException.error("database " + name + " is already in use");
            }
            boolean memory = file.isEmpty() || file.equals(":memory:");
            Vfs vfs = memory ? new MemoryFiles() : db.pager.vfs();
            opening = Pager.open(vfs, memory ? "attached" + (++memoryDatabases) : file);
            openingName = name;
            openingFile = file;
            openingStep = 0;
        }
        try {
            if (openingStep == 0) {
                opening.openStep();
                openingStep = 1;
            }
            if (openingStep == 1) {
                opening.beginRead();
                openingStep = 2;
            }
            db.schemaLoader().loadAttached(2 + pagers.size(), name, opening);
        } catch (SqliteException e) {
            opening.rollback();
            opening = null;
            throw e;
        }
        ConnectionState.endRead(opening);
        pagers.add(opening);
        names.add(name);
        files.add(file);
        opening = null;
    }

    private boolean isNamed(String name) {
        if (name.equalsIgnoreCase("main") || name.equalsIgnoreCase("temp")) {
            return true;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Detach opcode: closes the database named {@code name} and removes it (the later ones move down one
     * index). SQLite's errors; re-callable after IoPending while the pager closes.
     */
    void detach(String name) throws IoPending, SqliteException {
        int k = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                k = i;
            }
        }
        if (k < 0) {
            if (name.equalsIgnoreCase("main") || name.equalsIgnoreCase("temp") && db.openPager(1) != null) {
                throw SqliteException.error("cannot detach database " + name);
            }
            throw SqliteException.error("no such database: " + name);
        }
        Pager p = pagers.get(k);
        if (p.inReadTransaction() || p.inWriteTransaction()) {
            throw SqliteException.error("database " + name + " is locked");
        }
        p.close();
        pagers.remove(k);
        names.remove(k);
        files.remove(k);
        db.forgetDatabase(k + 2);
        db.schemaLoader().detached(k + 2);
    }

    /** Commits every attached database in a transaction, in order; re-callable after IoPending. */
    void commit() throws IoPending, SqliteException {
        for (Pager p : pagers) {
            p.commit();
        }
    }

    /** Ends the read transactions of attached databases that have not written (no I/O). */
    void endRead() throws SqliteException {
        for (Pager p : pagers) {
            ConnectionState.endRead(p);
        }
    }

    /** Starts a read transaction on each attached database (after an autocommit commit while others run). */
    void beginRead() throws IoPending, SqliteException {
        for (Pager p : pagers) {
            p.beginRead();
        }
    }

    /** Abandons the transaction on every attached database (no I/O). */
    void rollback() {
        for (Pager p : pagers) {
            p.rollback();
        }
    }

    /** Closes every attached database, the last first (the connection closes); re-callable after IoPending. */
    void closeAll() throws IoPending, SqliteException {
        if (opening != null) {
            opening.rollback();
            opening = null;
        }
        while (!pagers.isEmpty()) {
            int last = pagers.size() - 1;
            pagers.get(last).close();
            pagers.remove(last);
            names.remove(last);
            files.remove(last);
            db.schemaLoader().detached(last + 2);
        }
    }
}
