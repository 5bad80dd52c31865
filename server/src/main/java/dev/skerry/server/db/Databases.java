package dev.skerry.server.db;

import dev.skerry.engine.io.Vfs;
import dev.skerry.vfs.file.FileVfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return open.size();
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
