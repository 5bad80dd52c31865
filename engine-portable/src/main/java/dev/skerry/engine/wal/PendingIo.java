package dev.skerry.engine.wal;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;

/**
 * The completions one step of a WAL state machine has issued and must see finished before it goes on.
 *
 * <p>States: empty, or holding completions. {@link #await} throws {@link IoPending} while any is pending;
 * once all are done it empties itself and, if one failed, throws its error as a {@link SqliteException}
 * (the completion's own code, or the code given when the operation was added if the backend gave none).
 * Because it empties itself before reporting, each completion's outcome is consumed exactly once.
 */
final class PendingIo {
    private Completion[] completions = new Completion[8];
    private int[] errorCodes = new int[8];
    private int count;

    void add(Completion c, int errorCode) {
        if (count == completions.length) {
            completions = java.util.Arrays.copyOf(completions, count * 2);
            errorCodes = java.util.Arrays.copyOf(errorCodes, count * 2);
        }
        completions[count] = c;
        errorCodes[count] = errorCode;
        count++;
    }

    /** Returns the result of the first completion added (0 if none), once all are done and none failed. */
    long await() throws IoPending, SqliteException {
        IoPending pending = null;
        for (int i = 0; i < count; i++) {
            if (!completions[i].isDone()) {
                pending = pending == null ? new IoPending(completions[i]) : pending.add(completions[i]);
            }
        }
        if (pending != null) {
            throw pending;
        }
        int failure = 0;
        long first = 0;
        for (int i = 0; i < count; i++) {
            if (completions[i].isFailed() && failure == 0) {
                int code = completions[i].errorCode();
                failure = code != 0 ? code : errorCodes[i];
            }
            if (i == 0 && !completions[i].isFailed()) {
                first = completions[i].result();
            }
            completions[i] = null;
        }
        count = 0;
        if (failure != 0) {
            throw new SqliteException(failure, null);
        }
        return first;
    }

    boolean isEmpty() {
        return count == 0;
    }
}
