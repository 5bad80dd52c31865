package dev.skerry.engine.io;

/**
 * The one-shot result of one VFS operation.
 *
 * <p>States: PENDING → SUCCEEDED (with a {@code long} result: bytes read, bytes written, file size, or 0)
 * or PENDING → FAILED (with a SQLite result code and message). The transition happens exactly once; a
 * second attempt is a backend bug and throws {@link IllegalStateException}. A waiter, if one is set, runs
 * once, at the transition (or at once if the completion is already finished when it is set).
 */
public final class Completion {
    private static final int PENDING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;

    private int state = PENDING;
    private long result;
    private int errorCode;
    private String errorMessage;
    private Runnable waiter;

    /** A completion that has already succeeded with {@code result}. */
    public static Completion succeeded(long result) {
        Completion c = new Completion();
        c.succeed(result);
        return c;
    }

    /** A completion that has already failed. */
    public static Completion failed(int errorCode, String message) {
        Completion c = new Completion();
        c.fail(errorCode, message);
        return c;
    }

    public void succeed(long value) {
        finish();
        state = SUCCEEDED;
        result = value;
        notifyWaiter();
    }

    public void fail(int code, String message) {
        finish();
        state = FAILED;
        errorCode = code;
        errorMessage = message;
        notifyWaiter();
    }

    private void finish() {
        if (state != PENDING) {
            throw new IllegalStateException("completion finished twice");
        }
    }

    private void notifyWaiter() {
        Runnable w = waiter;
        waiter = null;
        if (w != null) {
            w.run();
        }
    }

    /** Host side: run {@code w} when this completion finishes (at once if it already has). */
    public void onDone(Runnable w) {
        if (state != PENDING) {
            w.run();
        } else {
            waiter = w;
        }
    }

    public boolean isDone() {
        return state != PENDING;
    }

    public boolean isFailed() {
        return state == FAILED;
    }

    /** The result of a succeeded completion. */
    public long result() {
        if (state != SUCCEEDED) {
            throw new IllegalStateException("completion has no result");
        }
        return result;
    }

    /** The SQLite result code of a failed completion (for example {@code SQLITE_IOERR}). */
    public int errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
