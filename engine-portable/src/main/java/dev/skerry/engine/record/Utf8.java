package dev.skerry.engine.record;

/**
 * UTF-8 for TEXT values, without intermediate arrays on the encode side. An unpaired surrogate in a Java
 * string encodes as U+FFFD (SQLite never sees one: its strings are byte sequences).
 * Decoding is {@link dev.skerry.engine.value.Mem}'s: text read from a record stays UTF-8 until a string is
 * needed.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The UTF-8 length of {@code s}. */
    public static int length(String s) {
        int n = s.length();
        int len = n;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                    len += 2;
                    k++;
                } else {
                    len += 2;
                }
            }
        }
        return len;
    }

    /** Writes {@code s} as UTF-8 at {@code buf[off]}; returns the bytes written. */
    public static int write(String s, byte[] buf, int off) {
        int p = off;
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                buf[p++] = (byte) c;
            } else if (c < 0x800) {
                buf[p++] = (byte) (0xc0 | (c >> 6));
                buf[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++k));
                buf[p++] = (byte) (0xf0 | (cp >> 18));
                buf[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[p++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                int cp = Character.isSurrogate(c) ? 0xfffd : c;
                buf[p++] = (byte) (0xe0 | (cp >> 12));
                buf[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[p++] = (byte) (0x80 | (cp & 0x3f));
            }
        }
        return p - off;
    }
}
