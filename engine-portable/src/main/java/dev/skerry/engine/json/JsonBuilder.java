package dev.skerry.engine.json;

/**
 * A growable byte buffer in which JSONB (and JSON text) is written. {@code buf[0 .. length)} is the content;
 * container headers are reserved by {@link #openContainer} and shrunk to the shortest form by
 * {@link #closeContainer}, as SQLite's {@code jsonBlobChangePayloadSize} does.
 */
final class JsonBuilder {
    byte[] buf;
    int length;

    JsonBuilder(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    private void grow(int extra) {
        if (length + extra > buf.length) {
            byte[] b = new byte[Math.max(buf.length * 2, length + extra + 16)];
            System.arraycopy(buf, 0, b, 0, length);
            buf = b;
        }
    }

    void append(int b) {
        grow(1);
        buf[length++] = (byte) b;
    }

    void append(byte[] src, int off, int n) {
        grow(n);
        System.arraycopy(src, off, buf, length, n);
        length += n;
    }

    void append(String ascii) {
        grow(ascii.length());
        for (int k = 0; k < ascii.length(); k++) {
            buf[length++] = (byte) ascii.charAt(k);
        }
    }

    /** The number of extra header bytes SQLite uses for a payload of {@code sz} bytes. */
    static int extraBytes(long sz) {
        return sz <= 11 ? 0 : sz <= 0xff ? 1 : sz <= 0xffff ? 2 : 4;
    }

    /** Appends the shortest header of a node of {@code type} with a payload of {@code sz} bytes. */
    void appendHeader(int type, int sz) {
        int extra = extraBytes(sz);
        grow(1 + extra);
        writeHeader(length, type, sz, extra);
        length += 1 + extra;
    }

    private void writeHeader(int at, int type, int sz, int extra) {
        switch (extra) {
            case 0:
                buf[at] = (byte) (type | (sz << 4));
                break;
            case 1:
                buf[at] = (byte) (type | 0xc0);
                buf[at + 1] = (byte) sz;
                break;
            case 2:
                buf[at] = (byte) (type | 0xd0);
                buf[at + 1] = (byte) (sz >> 8);
                buf[at + 2] = (byte) sz;
                break;
            default:
                buf[at] = (byte) (type | 0xe0);
                buf[at + 1] = (byte) (sz >> 24);
                buf[at + 2] = (byte) (sz >> 16);
                buf[at + 3] = (byte) (sz >> 8);
                buf[at + 4] = (byte) sz;
        }
    }

    /** Appends a node with its payload. */
    void appendNode(int type, byte[] src, int off, int n) {
        appendHeader(type, n);
        append(src, off, n);
    }

    /** Starts a container; returns the position of its header for {@link #closeContainer}. */
    int openContainer(int type) {
        int at = length;
        grow(5);
        buf[at] = (byte) (type | 0xe0);
        length += 5;
        return at;
    }

    /** Ends the container whose header is at {@code at}: writes its size in the shortest header. */
    void closeContainer(int at) {
        int sz = length - at - 5;
        int extra = extraBytes(sz);
        int type = buf[at] & 0x0f;
        if (extra != 4) {
            System.arraycopy(buf, at + 5, buf, at + 1 + extra, sz);
            length -= 4 - extra;
        }
        writeHeader(at, type, sz, extra);
    }

    byte[] toArray() {
        byte[] r = new byte[length];
        System.arraycopy(buf, 0, r, 0, length);
        return r;
    }
}
