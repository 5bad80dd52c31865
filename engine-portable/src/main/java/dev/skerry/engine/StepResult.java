package dev.skerry.engine;

/**
 * What one call of {@link Statement#step()} (or {@link Connection#openStep()}, {@link
 * Connection#closeStep()}) did: produced a result ROW, finished (DONE), or stopped to wait for I/O (IO: the
 * host completes the pending I/O, e.g. with {@code vfs.runPendingIo()}, and calls the same method again).
 */
public enum StepResult {
    ROW,
    DONE,
    IO
}
