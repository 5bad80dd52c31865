package dev.skerry.engine.io;

/**
 * One open file of a {@link Vfs}. Every operation returns at once with a {@link Completion}.
 *
 * <p>Contract: the buffer passed to {@code read} or {@code write} belongs to the backend until the
 * completion finishes. A read past the end of the file succeeds with the number of bytes that existed and
 * fills the rest of the range with zeros. Operations on one file complete in the order they were issued
 * only where the backend says so; the engine never issues a write to a range with a read or write to the
 * same range still pending.
 */
public interface VfsFile {
    /** Reads {@code len} bytes at {@code pos} into {@code buf[off..]}; result: bytes that existed. */
    Completion read(long pos, byte[] buf, int off, int len);

    /** Writes {@code len} bytes of {@code buf[off..]} at {@code pos}; result: {@code len}. */
    Completion write(long pos, byte[] buf, int off, int len);

    /** Makes every completed write durable; result 0. */
    Completion sync();

    /** Truncates (or extends with zeros) to {@code size} bytes; result 0. */
    Completion truncate(long size);

    /** The file's size in bytes, as the result. */
    Completion size();

    /** Releases the file. No operation may be pending. */
    void close();
}
