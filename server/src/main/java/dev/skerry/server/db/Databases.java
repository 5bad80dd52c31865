package dev.skerry.server.db;

import dev.skerry.engine.io.Vfs;
import dev.skerry.vfs.file.FileVfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The registry of the databases of one data directory: database {@code n} is the file set
 * {@code DIR/n.db} (+ {@code n.db-wal}). A database is opened on first use and closed when it has been idle
 * for the idle time, or earlier when more than {@code maxOpen} are open (the least recently used idle one
 * first), so any number of databases may exist with a bounded number of open connections and file handles.
 * A database that is in use or keeps a transaction open is never closed; when all are, the bound is exceeded
 * until one becomes idle.
 *
 * <p>Invariants (under {@code lock}): {@code open} holds at most one {@link Database} per name, in
 * least-recently-used order; a database removed from {@code open} is in {@code closing} until its files are
 * closed, and the {@link Database} that replaces it waits for that before opening the files (one connection
 * per file).
 */
public final class Databases implements AutoCloseable {
    /** Why {@link #acquire} refused a name. */
    public static final class NotFoundException extends Exception {
        private static final long serialVersionUID = 1L;

        NotFoundException(String name) {
            super("database " + name + " does not exist", null, false, false);
        }
    }

    private final Path dir;
    private final Vfs vfs = new FileVfs();
    private final int maxOpen;
    private final long idleNanos;
    private final boolean createOnFirstUse;
    private final Object lock = new Object();
    private final LinkedHashMap<String, Database> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Database> closing = new HashMap<>();

    /**
     * @param dir the data directory (created if missing)
     * @param maxOpen the bound on open databases
     * @param idleMillis how long an unused database stays open
     * @param createOnFirstUse whether {@link #acquire} creates a database that does not exist
     */
    public Databases(Path dir, int maxOpen, long idleMillis, boolean createOnFirstUse) throws IOException {
        this.dir = Files.createDirectories(dir).toAbsolutePath();
        this.maxOpen = Math.max(1, maxOpen);
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        this.createOnFirstUse = createOnFirstUse;
    }

    public Path directory() {
        return dir;
    }

    private Path file(String name) {
        return dir.resolve(name + ".db");
    }

    /** True when the database exists (its file does). */
    public boolean exists(String name) {
        return DatabaseName.isValid(name) && Files.exists(file(name));
    }

    /** True when {@link #acquire} would give the database: it exists, or databases are created on first use. */
    public boolean canOpen(String name) {
        return DatabaseName.isValid(name) && (createOnFirstUse || Files.exists(file(name)));
    }

    /** The names of the databases in the directory, sorted. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String f = p.getFileName().toString();
                if (f.endsWith(".db") && DatabaseName.isValid(f.substring(0, f.length() - 3))) {
                    names.add(f.substring(0, f.length() - 3));
                }
            });
        }
        names.sort(null);
        return names;
    }

    /**
     * The database {@code name} (a valid name), held for the caller until {@link #release}: it is not closed
     * meanwhile. Its connection opens at the first {@link Database#enter}.
     *
     * @throws NotFoundException when it does not exist and databases are not created on first use
     */
    public Database acquire(String name) throws NotFoundException {
        if (!DatabaseName.isValid(name)) {
            throw new IllegalArgumentException("invalid database name: " + name);
        }
        List<Database> victims;
        Database d;
        synchronized (lock) {
            d = open.get(name);
            if (d == null) {
                if (!createOnFirstUse && !Files.exists(file(name))) {
                    throw new NotFoundException(name);
                }
                d = new Database(name, file(name).toString(), vfs, closing.get(name));
                open.put(name, d);
            }
            d.users++;
            victims = retire(System.nanoTime(), false);
        }
        closeAll(victims);
        return d;
    }

    /** Ends a caller's hold on a database. */
    public void release(Database d) {
        synchronized (lock) {
            d.users--;
            d.lastUsedNanos = System.nanoTime();
        }
    }

    /** Closes the databases idle for longer than the idle time (called periodically). */
    public void closeIdle() {
        List<Database> victims;
        synchronized (lock) {
            victims = retire(System.nanoTime(), true);
        }
        closeAll(victims);
    }

    /** The number of databases with an open connection or being closed (for tests and monitoring). */
    public int openCount() {
        synchronized (lock) {
            return open.size() + closing.size();
        }
    }

    /**
     * Removes from {@code open} the databases to close: idle ones past the idle time (when {@code idleCheck}),
     * and least recently used idle ones while more than {@code maxOpen} are open. Lock held.
     */
    private List<Database> retire(long now, boolean idleCheck) {
        List<Database> victims = new ArrayList<>();
        int excess = open.size() - maxOpen;
        for (Iterator<Database> it = open.values().iterator(); it.hasNext();) {
            Database d = it.next();
            boolean idle = d.users == 0 && !d.inTransaction();
            if (idle && (excess > 0 || idleCheck && now - d.lastUsedNanos >= idleNanos)) {
                it.remove();
                closing.put(d.name(), d);
                victims.add(d);
                excess--;
            }
        }
        return victims;
    }

    private void closeAll(List<Database> victims) {
        for (Database d : victims) {
            d.close();
            synchronized (lock) {
                closing.remove(d.name(), d);
            }
        }
    }

    /** Why {@link #create} or {@link #branch} refused a name that is taken. */
    public static final class ExistsException extends Exception {
        private static final long serialVersionUID = 1L;

        ExistsException(String name) {
            super("database " + name + " already exists", null, false, false);
        }
    }

    /**
     * Creates the empty database {@code name} (a valid name): an empty file, which SQLite and the engine read
     * as an empty database.
     *
     * @throws ExistsException when it exists
     */
    public void create(String name) throws ExistsException, IOException {
        check(name);
        synchronized (lock) {
            if (open.containsKey(name) || closing.containsKey(name)) {
                throw new ExistsException(name);
            }
            try {
                Files.createFile(file(name));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new ExistsException(name);
            }
        }
    }

    /**
     * Creates database {@code name} as a copy of {@code source} at one moment: the source's files are copied
     * (to temporary names, then moved in place under the registry's lock) while the source's lock is held and
     * no transaction is open on it (waiting at most {@code busyTimeoutMillis}), so the copy holds exactly the
     * source's committed state; the WAL is copied with the database file and recovered when the copy opens. The copy has its own files: later writes to either never reach the other.
     *
     * @throws NotFoundException when {@code source} does not exist
     * @throws ExistsException when {@code name} exists
     * @throws dev.skerry.engine.SqliteException SQLITE_BUSY when the source stays in a transaction
     */
    public void branch(String source, String name, long busyTimeoutMillis)
            throws NotFoundException, ExistsException, IOException, dev.skerry.engine.SqliteException {
        check(name);
        if (!exists(source)) {
            throw new NotFoundException(source);
        }
        Database d = acquire(source);
        Object owner = new Object();
        Path tmpDb = dir.resolve(name + ".db.branch-tmp");
        Path tmpWal = dir.resolve(name + ".db-wal.branch-tmp");
        try {
            if (exists(name)) {
                throw new ExistsException(name);
            }
            d.enter(owner, busyTimeoutMillis);
            try {
                Path wal = dir.resolve(source + ".db-wal");
                Files.deleteIfExists(tmpWal);
                if (Files.exists(wal)) {
                    Files.copy(wal, tmpWal);
                }
                Files.copy(file(source), tmpDb, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                d.leave(owner);
            }
            synchronized (lock) {
                if (open.containsKey(name) || closing.containsKey(name) || Files.exists(file(name))) {
                    throw new ExistsException(name);
                }
                if (Files.exists(tmpWal)) {
                    Files.move(tmpWal, dir.resolve(name + ".db-wal"), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(dir.resolve(name + ".db-wal"));
                }
                Files.move(tmpDb, file(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmpWal);
            Files.deleteIfExists(tmpDb);
            release(d);
        }
    }

    /**
     * Deletes database {@code name}: its connection is closed (an open transaction is rolled back; a request
     * using it is waited for) and its files are removed before the name can be opened again.
     *
     * @throws NotFoundException when it does not exist
     */
    public void delete(String name) throws NotFoundException {
        if (!exists(name)) {
            throw new NotFoundException(name);
        }
        Database d;
        synchronized (lock) {
            d = open.remove(name);
            if (d == null) {
                d = new Database(name, file(name).toString(), vfs, closing.get(name));
            }
            closing.put(name, d);
        }
        Database victim = d;
        victim.close(() -> {
            for (String suffix : new String[] {".db", ".db-wal", ".db-journal", ".db-shm"}) {
                try {
                    Files.deleteIfExists(dir.resolve(name + suffix));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        synchronized (lock) {
            closing.remove(name, victim);
        }
    }

    private static void check(String name) {
        if (!DatabaseName.isValid(name)) {
            throw new IllegalArgumentException("invalid database name: " + name);
        }
    }

    /** Closes every database (server shutdown); open transactions are rolled back by the engine. */
    @Override
    public void close() {
        List<Database> all;
        synchronized (lock) {
            all = new ArrayList<>(open.values());
            for (Database d : all) {
                closing.put(d.name(), d);
            }
            open.clear();
        }
        closeAll(all);
    }
}
