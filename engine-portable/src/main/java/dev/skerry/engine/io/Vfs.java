package dev.skerry.engine.io;

/**
 * A file system as the engine sees it: named files opened without blocking.
 *
 * <p>{@link #open} returns at once; a backend that must open asynchronously (OPFS) returns a file whose
 * first operations stay pending until the open is done. A file that does not exist and is opened without
 * {@link #CREATE} fails its first operation with {@code SQLITE_CANTOPEN}; existence of an optional file
 * (a WAL) is asked by opening it with {@link #CREATE} and looking at its size.
 */
public interface Vfs {
    /** Open flag: create the file if it does not exist. */
    int CREATE = 1;
    /** Open flag: the file will never be written. */
    int READONLY = 2;

    VfsFile open(String path, int flags);

    /** Deletes a file; succeeds also when there was none. */
    Completion delete(String path);

    /**
     * Host side only (never called by the engine): makes progress on pending completions, finishing at
     * least one if any is pending. Returns false when nothing was pending. Inline backends return false.
     */
    boolean runPendingIo();
}
