package dev.skerry.server.db;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database of the data directory and its single engine {@link Connection} (the engine allows one
 * connection per file, and a connection is single-threaded).
 *
 * <p>Access: a caller {@link #enter enters} on behalf of an owner (a client stream), uses the connection,
 * and {@link #leave leaves}. Entering takes the lock, so at most one thread uses the connection at a time.
 * When the owner leaves with a transaction open (BEGIN without COMMIT), the owner keeps the database: until
 * that transaction ends, other owners wait in {@link #enter} (up to the busy timeout, then
 * {@code SQLITE_BUSY}, "database is locked"). This is what SQLite gives two connections in rollback mode with
 * a busy timeout, and it is the only correct choice with one connection: letting another stream in would
 * show it the uncommitted rows and make its statements part of the other stream's transaction.
 *
 * <p>States: CLOSED (no connection) → OPEN (first {@link #enter}: the connection is opened, after the
 * database object this one replaces, if any, has closed its files) → CLOSED ({@link #close}, by the
 * registry, only when nobody uses the database and no transaction is open). Invariants: {@code txOwner != null}
 * exactly when the connection is open and not in autocommit mode between two uses; the registry fields
 * {@code users} and {@code lastUsedNanos} are guarded by the registry's lock, not this one.
 */
public final class Database {
    private final String name;
    private final String path;
    private final Vfs vfs;
    private final Database predecessor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition transactionEnded = lock.newCondition();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Connection connection;
    private volatile Object txOwner;
    /** Registry bookkeeping (guarded by the registry): callers between acquire and release, last release time. */
    int users;
    long lastUsedNanos;

    Database(String name, String path, Vfs vfs, Database predecessor) {
        this.name = name;
        this.path = path;
        this.vfs = vfs;
        this.predecessor = predecessor;
    }

    public String name() {
        return name;
    }

    /** The VFS of the connection (for driving its pending I/O). */
    public Vfs vfs() {
        return vfs;
    }

    /** True while an owner keeps a transaction open on the database. */
    public boolean inTransaction() {
        return txOwner != null;
    }

    /** True when {@code owner} keeps a transaction open on this database. */
    public boolean isTransactionOwner(Object owner) {
        return txOwner == owner;
    }

    /**
     * Takes the database for {@code owner}: waits for the lock and for another owner's transaction to end
     * (at most {@code busyTimeoutMillis}), opens the connection if needed and returns it. The caller must call
     * {@link #leave} once, also when this throws nothing but its work fails.
     *
     * @throws SqliteException SQLITE_BUSY when the wait times out (nothing is held then), or the error of
     *     opening the file (the lock is released then too)
     */
    public Connection enter(Object owner, long busyTimeoutMillis) throws SqliteException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
        try {
            if (!lock.tryLock(busyTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            while (txOwner != null && txOwner != owner) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    lock.unlock();
                    throw busy();
                }
                transactionEnded.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            Thread.currentThread().interrupt();
            throw new SqliteException(ResultCode.SQLITE_INTERRUPT, "interrupted");
        }
        try {
            return open();
        } catch (SqliteException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    private static SqliteException busy() {
        return new SqliteException(ResultCode.SQLITE_BUSY, "database is locked");
    }

    /** The connection, opened on first use (after the predecessor closed its files). Lock held. */
    private Connection open() throws SqliteException {
        if (connection != null) {
            return connection;
        }
        if (predecessor != null) {
            predecessor.awaitClosed();
        }
        Connection c = Connection.open(vfs, path);
        c.setClock(new dev.skerry.engine.TimeZoneClock());
        try {
            while (c.openStep() == StepResult.IO) {
                HostIo.await(vfs, c.pendingIo());
            }
        } catch (SqliteException e) {
            closeQuietly(c);
            throw e;
        }
        connection = c;
        return c;
    }

    /**
     * Gives the database back: records whether {@code owner} keeps a transaction open (then other owners
     * keep waiting) and releases the lock.
     */
    public void leave(Object owner) {
        boolean open = connection != null && !connection.isAutocommit();
        txOwner = open ? owner : null;
        if (!open) {
            transactionEnded.signalAll();
        }
        lock.unlock();
    }

    /** Closes the connection (checkpointing the WAL into the database file). Called by the registry only. */
    void close() {
        close(() -> { });
    }

    /**
     * Closes the connection and runs {@code afterClose} (deleting the files) before a successor may open them.
     * Called by the registry only.
     */
    void close(Runnable afterClose) {
        lock.lock();
        try {
            if (connection != null) {
                closeQuietly(connection);
                connection = null;
            }
            txOwner = null;
            afterClose.run();
        } finally {
            lock.unlock();
            closed.countDown();
        }
    }

    private void closeQuietly(Connection c) {
        try {
            while (c.closeStep() == StepResult.IO) {
                HostIo.await(vfs, c.pendingIo());
            }
        } catch (SqliteException e) {
            // The files are released as far as the engine can; the next open runs WAL recovery.
        }
    }

    private void awaitClosed() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
