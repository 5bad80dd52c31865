package dev.skerry.engine.value;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import java.nio.charset.StandardCharsets;

/**
 * A growable buffer of UTF-8 bytes: SQLite's {@code StrAccum}, used where SQLite measures text in bytes
 * (printf widths, group_concat). States: {@code bytes[0 .. length)} is the text so far; {@code length}
 * never exceeds {@link #MAX_LENGTH} (SQLite's default {@code SQLITE_MAX_LENGTH}); exceeding it raises
 * SQLite's {@code string or blob too big}.
 */
public final class ByteText {
    /** SQLite's default limit on the length of a string or blob, in bytes. */
    public static final int MAX_LENGTH = 1_000_000_000;

    private byte[] bytes;
    private int length;
    /** True once anything (even zero bytes) was appended: SQLite's printf gives NULL when nothing was. */
    private boolean touched;

    public ByteText() {
        bytes = new byte[64];
    }

    public int length() {
        return length;
    }

    /** True once an append was made, even of zero bytes. */
    public boolean touched() {
        return touched;
    }

    private void ensure(long extra) throws SqliteException {
        touched = true;
        long need = length + extra;
        if (need > MAX_LENGTH) {
            throw new SqliteException(ResultCode.SQLITE_TOOBIG, "string or blob too big");
        }
        if (need > bytes.length) {
            long cap = Math.max(need, (long) bytes.length * 2);
            if (cap > MAX_LENGTH) {
                cap = MAX_LENGTH;
            }
            byte[] grown = new byte[(int) cap];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
    }

    public void append(byte b) throws SqliteException {
        ensure(1);
        bytes[length++] = b;
    }

    public void append(byte[] src, int from, int count) throws SqliteException {
        touched = true;
        if (count <= 0) {
            return;
        }
        ensure(count);
        System.arraycopy(src, from, bytes, length, count);
        length += count;
    }

    public void append(byte[] src) throws SqliteException {
        append(src, 0, src.length);
    }

    /** Appends an ASCII or other string as UTF-8. */
    public void append(String s) throws SqliteException {
        append(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code count} copies of {@code b} (nothing when count ≤ 0). */
    public void appendRepeated(byte b, long count) throws SqliteException {
        if (count <= 0) {
            return;
        }
        ensure(count);
        for (long k = 0; k < count; k++) {
            bytes[length++] = b;
        }
    }

    /** Copies {@code count} bytes that are already in the buffer at {@code from} to its end. */
    public void appendSelf(int from, int count) throws SqliteException {
        ensure(count);
        System.arraycopy(bytes, from, bytes, length, count);
        length += count;
    }

    /** The text so far, decoded from UTF-8 (invalid sequences become U+FFFD). */
    public String toText() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** A copy of the bytes so far. */
    public byte[] toBytes() {
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, 0, length);
        return out;
    }
}
