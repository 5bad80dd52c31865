package dev.skerry.engine.wal;

/**
 * Byte-level helpers for SQLite's WAL file format (layout in {@code package-info.java}): header and frame
 * header offsets, big-endian integer access, and SQLite's WAL checksum.
 *
 * <p>The checksum runs over 32-bit words taken in pairs {@code (x0, x1)}: {@code s0 += x0 + s1; s1 += x1 + s0},
 * with 32-bit wrap-around. The words are read big-endian when the header's magic is {@code 0x377f0683} and
 * little-endian when it is {@code 0x377f0682}. A checksum is returned packed into one {@code long}
 * ({@code s0} in the high half, {@code s1} in the low half) so that the running value needs no object.
 */
final class WalFormat {
    private WalFormat() {
    }

    static final int HEADER_SIZE = 32;
    static final int FRAME_HEADER_SIZE = 24;
    /** Magic with little-endian checksum words (what SQLite writes on little-endian machines). */
    static final int MAGIC_LE = 0x377f0682;
    /** Magic with big-endian checksum words (what Skerry writes). */
    static final int MAGIC_BE = 0x377f0683;
    static final int VERSION = 3007000;
    static final int MIN_PAGE_SIZE = 512;
    static final int MAX_PAGE_SIZE = 65536;

    static int get32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int getLe32(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8) | ((b[off + 2] & 0xff) << 16) | ((b[off + 3] & 0xff) << 24);
    }

    static boolean isValidPageSize(int size) {
        return size >= MIN_PAGE_SIZE && size <= MAX_PAGE_SIZE && (size & (size - 1)) == 0;
    }

    /** Byte offset of frame {@code frame} (1-based) in a WAL of the given page size. */
    static long frameOffset(int frame, int pageSize) {
        return HEADER_SIZE + (long) (frame - 1) * (FRAME_HEADER_SIZE + pageSize);
    }

    static long pack(int s0, int s1) {
        return ((long) s0 << 32) | (s1 & 0xffffffffL);
    }

    static int s0(long packed) {
        return (int) (packed >>> 32);
    }

    static int s1(long packed) {
        return (int) packed;
    }

    /** Continues checksum {@code start} over {@code len} bytes (a multiple of 8) of {@code b} from {@code off}. */
    static long checksum(byte[] b, int off, int len, boolean bigEndian, long start) {
        int s0 = s0(start);
        int s1 = s1(start);
        int end = off + len;
        if (bigEndian) {
            for (int i = off; i < end; i += 8) {
                s0 += get32(b, i) + s1;
                s1 += get32(b, i + 4) + s0;
            }
        } else {
            for (int i = off; i < end; i += 8) {
                s0 += getLe32(b, i) + s1;
                s1 += getLe32(b, i + 4) + s0;
            }
        }
        return pack(s0, s1);
    }
}
