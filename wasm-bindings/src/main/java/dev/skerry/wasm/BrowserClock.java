package dev.skerry.wasm;

import dev.skerry.engine.Clock;
import org.teavm.jso.JSBody;

/**
 * The browser's clock for the date and time functions: {@code 'now'} from {@code Date.now()}, and the
 * {@code localtime}/{@code utc} modifiers from the page's time zone ({@code Date.getTimezoneOffset}, which
 * gives minutes west of UTC at an instant, daylight saving included). Stateless.
 */
final class BrowserClock implements Clock {
    static final BrowserClock INSTANCE = new BrowserClock();

    private BrowserClock() {
    }

    @Override
    public long currentTimeMillis() {
        return (long) now();
    }

    @Override
    public int localOffsetSeconds(long utcMillis) {
        return -minutesWest((double) utcMillis) * 60;
    }

    @JSBody(script = "return Date.now();")
    private static native double now();

    @JSBody(params = "t", script = "return new Date(t).getTimezoneOffset();")
    private static native int minutesWest(double t);
}
