package dev.skerry.engine;

/**
 * The host's clock, as the date and time functions see it (SQLite asks its VFS: {@code xCurrentTimeInt64} for
 * {@code 'now'} and the C library's {@code localtime_r} for the {@code localtime} and {@code utc} modifiers).
 * A host sets it with {@link Connection#setClock}; the default, {@link #UTC}, reads
 * {@code System.currentTimeMillis()} (which the JVM and TeaVM's wasm build both provide, without blocking) and
 * treats local time as UTC, because the engine holds no time-zone database (TeaVM's {@code java.util.TimeZone}
 * would embed one). A JVM host wanting the process's time zone uses {@link TimeZoneClock}; a browser host
 * would answer {@link #localOffsetSeconds} from JavaScript's {@code Date.getTimezoneOffset}.
 */
public interface Clock {
    /** Milliseconds since 1970-01-01 00:00:00 UTC. */
    long currentTimeMillis();

    /** The local time's offset from UTC, in seconds (east positive), at the UTC instant {@code utcMillis}. */
    int localOffsetSeconds(long utcMillis);

    /** The system's time, with local time equal to UTC. */
    Clock UTC = new Clock() {
        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public int localOffsetSeconds(long utcMillis) {
            return 0;
        }
    };
}
