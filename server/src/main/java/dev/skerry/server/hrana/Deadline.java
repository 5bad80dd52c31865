package dev.skerry.server.hrana;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of one HTTP request's statements. The step loop checks it before each step ({@link #check});
 * a single step that runs past it (an aggregate over a runaway recursive CTE returns no row until it ends) is
 * stopped by the timer thread, which calls {@link Connection#interrupt()} at the deadline and every
 * {@value #REPEAT_MILLIS} ms after it (an interrupt that arrives between two statements is lost, as SQLite's)
 * until the request leaves the database. The statement then fails with SQLITE_INTERRUPT and is rolled back.
 *
 * <p>States: CREATED (clock running) → ARMED ({@link #arm}: the timer may interrupt the connection) →
 * DISARMED ({@link #disarm}; afterwards the timer never touches the connection again, which is why firing and
 * disarming hold this object's monitor).
 */
final class Deadline {
    static final long REPEAT_MILLIS = 50;

    private final ScheduledExecutorService timer;
    private final long deadlineNanos;
    private Connection connection;
    private ScheduledFuture<?> task;
    private boolean disarmed;

    Deadline(ScheduledExecutorService timer, long millis) {
        this.timer = timer;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Fails with SQLITE_INTERRUPT when the time is up. */
    void check() throws RequestError {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw new RequestError(RequestError.codeName(ResultCode.SQLITE_INTERRUPT), "interrupted");
        }
    }

    /** Lets the timer interrupt {@code c} at the deadline (the caller holds the database). */
    synchronized void arm(Connection c) {
        if (disarmed || task != null) {
            return;
        }
        connection = c;
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        task = timer.scheduleAtFixedRate(this::fire, delay, TimeUnit.MILLISECONDS.toNanos(REPEAT_MILLIS),
                TimeUnit.NANOSECONDS);
    }

    private synchronized void fire() {
        if (!disarmed) {
            connection.interrupt();
        }
    }

    /** Stops the timer before the request leaves the database. */
    synchronized void disarm() {
        disarmed = true;
        connection = null;
        if (task != null) {
            task.cancel(false);
        }
    }
}
