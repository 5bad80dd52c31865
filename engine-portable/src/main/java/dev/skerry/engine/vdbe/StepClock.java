package dev.skerry.engine.vdbe;

import dev.skerry.engine.Clock;

/**
 * The time of one run of a statement (SQLite's {@code Vdbe.iCurrentTime}, {@code sqlite3StmtCurrentTime}):
 * read from the connection's {@link Clock} at the first call that asks during the run, then the same for
 * every later call until the statement is reset, trigger programs included. So 'now' is one value within a
 * step, as SQLite documents, and also across the rows of one run (as SQLite gives when it computes a
 * constant {@code datetime('now')} once per run); steps that wait for I/O do not change it.
 *
 * <p>States: UNREAD ({@code millis == UNREAD}) when a run begins; READ after the first {@link #millis}.
 */
final class StepClock {
    private static final long UNREAD = Long.MIN_VALUE;
    private final ConnectionState db;
    private long millis = UNREAD;

    StepClock(ConnectionState db) {
        this.db = db;
    }

    /** A run of the statement begins: the next call reads the clock again. */
    void newRun() {
        millis = UNREAD;
    }

    long millis() {
        if (millis == UNREAD) {
            millis = db.clock.currentTimeMillis();
        }
        return millis;
    }

    int localOffsetSeconds(long utcMillis) {
        return db.clock.localOffsetSeconds(utcMillis);
    }
}
