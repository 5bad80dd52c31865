package dev.skerry.server.hrana;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The streams kept between HTTP requests, each under its current baton: a random 128-bit token that is valid
 * for one request only (a response carries the next one), so a baton cannot be replayed and a stream is never
 * used by two requests at once. A stream unused for the idle time expires (its open transaction is rolled back
 * by the caller of {@link #expire}).
 */
final class Streams {
    private final Map<String, Stream> byBaton = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long idleNanos;
    private final int maxStreams;

    Streams(long idleMillis, int maxStreams) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        this.maxStreams = maxStreams;
    }

    /**
     * Takes the stream of {@code baton} out of the registry for one request on {@code database}.
     *
     * @throws HttpError 400 STREAM_EXPIRED when the baton is unknown, already used, expired, or belongs to
     *     another database (the stream then stays valid under its baton)
     */
    Stream take(String baton, String database) throws HttpError {
        Stream s = byBaton.remove(baton);
        if (s == null) {
            throw new HttpError(400, HttpError.STREAM_EXPIRED,
                    "The stream has expired or the baton is invalid or was already used");
        }
        if (!s.database.equals(database)) {
            byBaton.put(baton, s);
            throw new HttpError(400, HttpError.STREAM_EXPIRED, "The baton belongs to a stream of another database");
        }
        return s;
    }

    /** A new stream, unless the server already keeps the most it may (then HTTP 503). */
    Stream open(String database) throws HttpError {
        if (byBaton.size() >= maxStreams) {
            throw new HttpError(503, "STREAMS_EXHAUSTED", "The server keeps too many open streams; retry later");
        }
        return new Stream(database);
    }

    /** Puts the stream back under a new baton, which is returned. */
    String put(Stream s) {
        byte[] token = new byte[16];
        random.nextBytes(token);
        String baton = HexFormat.of().formatHex(token);
        s.lastUsedNanos = System.nanoTime();
        byBaton.put(baton, s);
        return baton;
    }

    /** Removes and returns the streams idle for longer than the idle time. */
    List<Stream> expire() {
        long now = System.nanoTime();
        List<Stream> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Stream>> it = byBaton.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Stream> e = it.next();
            if (now - e.getValue().lastUsedNanos >= idleNanos && byBaton.remove(e.getKey(), e.getValue())) {
                expired.add(e.getValue());
            }
        }
        return expired;
    }

    /** Removes and returns every stream (shutdown). */
    List<Stream> removeAll() {
        List<Stream> all = new ArrayList<>();
        for (String baton : new ArrayList<>(byBaton.keySet())) {
            Stream s = byBaton.remove(baton);
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    int size() {
        return byBaton.size();
    }
}
