package dev.skerry.server.hrana;

import java.util.HashMap;
import java.util.Map;

/**
 * A Hrana stream: what a client's chain of requests (linked by batons) shares — its database, the SQL texts
 * it stored with {@code store_sql}, and whether it keeps a transaction open on the database (then the
 * database waits for it, see {@code Database}). Used by one HTTP request at a time: {@link Streams} hands it
 * out against its current baton and takes it back under a new one.
 *
 * <p>States: OPEN → CLOSED (a {@code close} request, or expiry after the idle time, which rolls back an open
 * transaction). Invariant: {@code inTransaction} equals {@code Database.isTransactionOwner(this)} whenever no
 * request is running on the stream.
 */
final class Stream {
    /** The most SQL texts one stream may store (sqld's bound). */
    static final int MAX_STORED_SQL = 150;

    final String database;
    final Map<Integer, String> storedSql = new HashMap<>();
    boolean inTransaction;
    boolean closed;
    long lastUsedNanos;

    Stream(String database) {
        this.database = database;
    }
}
