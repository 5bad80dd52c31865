package dev.skerry.engine;

import java.util.TimeZone;

/**
 * A {@link Clock} for JVM hosts: the system's time and the offset of a {@link TimeZone} (by default the JVM's,
 * which follows the process's {@code TZ} as SQLite's {@code localtime_r} does). Not for the wasm build: it
 * would pull TeaVM's time-zone database into the binary. Immutable.
 */
public final class TimeZoneClock implements Clock {
    private final TimeZone zone;

    /** The JVM's default time zone, as it is now. */
    public TimeZoneClock() {
        this(TimeZone.getDefault());
    }

    public TimeZoneClock(TimeZone zone) {
        this.zone = zone;
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public int localOffsetSeconds(long utcMillis) {
        return zone.getOffset(utcMillis) / 1000;
    }
}
