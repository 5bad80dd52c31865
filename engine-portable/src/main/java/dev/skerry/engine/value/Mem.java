package dev.skerry.engine.value;

/**
 * One SQL value in a reusable cell: a VM register, a column being decoded, a function argument or result.
 *
 * <p>The storage class is one of {@link #NULL}, {@link #INTEGER}, {@link #FLOAT}, {@link #TEXT},
 * {@link #BLOB} (numbered as SQLite's {@code SQLITE_INTEGER} … {@code SQLITE_NULL}). Invariant: only the
 * field of the current class is meaningful ({@code i} for INTEGER, {@code r} for FLOAT, {@code s} for TEXT,
 * {@code b} for BLOB); setters switch the class and the field together, so a cell is reused without
 * allocating for numbers. Text is a Java {@code String}, or UTF-8 bytes in a buffer the cell owns (set by
 * {@link #setTextUtf8}; the string is then decoded on demand, and {@code s} and the bytes agree once both
 * exist); blobs are byte arrays that are never modified after
 * being stored in a cell (a cell may share its array with a record or another cell).
 */
public final class Mem {
    public static final int INTEGER = 1;
    public static final int FLOAT = 2;
    public static final int TEXT = 3;
    public static final int BLOB = 4;
    public static final int NULL = 5;

    private int type = NULL;
    private long i;
    private double r;
    private String s;
    private byte[] b;
    /** SQLite's value subtype ({@code sqlite3_value_subtype}); 0 when none. Cleared by every setter. */
    private int subtype;
    /** SQLite's MEM_IntReal: a FLOAT of a REAL-affinity value that a record stores as an integer. */
    private boolean intReal;
    /** A TEXT cell's UTF-8 bytes {@code u8[0 .. u8Len)} when {@code u8Valid}; the buffer is reused across values. */
    private byte[] u8;
    private int u8Len;
    private boolean u8Valid;

    public Mem() {
    }

    public int type() {
        return type;
    }

    public boolean isNull() {
        return type == NULL;
    }

    public long longValue() {
        return i;
    }

    public double doubleValue() {
        return r;
    }

    /** The TEXT value as a string (decoded from the cell's UTF-8 bytes on first use when set by {@link #setTextUtf8}). */
    public String text() {
        if (s == null && u8Valid) {
            s = decodeUtf8(u8, u8Len);
        }
        return s;
    }

    /**
     * Sets TEXT from {@code len} bytes of UTF-8 at {@code src[off]}, copied into a buffer the cell owns and
     * reuses: no string is built until {@link #text()} is called (SQLite's Column opcode hands out the bytes).
     */
    public void setTextUtf8(byte[] src, int off, int len) {
        type = TEXT;
        s = null;
        b = null;
        subtype = 0;
        intReal = false;
        copyUtf8(src, off, len);
    }

    private void copyUtf8(byte[] src, int off, int len) {
        if (u8 == null || u8.length < len) {
            u8 = new byte[Math.max(len, 32)];
        }
        System.arraycopy(src, off, u8, 0, len);
        u8Len = len;
        u8Valid = true;
    }

    /** True when this TEXT cell holds its UTF-8 bytes ({@link #utf8Bytes()}, {@link #utf8Length()}). */
    public boolean hasUtf8() {
        return u8Valid;
    }

    /** The cell's UTF-8 buffer (valid while {@link #hasUtf8()}; its first {@link #utf8Length()} bytes are the text). */
    public byte[] utf8Bytes() {
        return u8;
    }

    public int utf8Length() {
        return u8Len;
    }

    /** Decodes UTF-8 (malformed sequences become U+FFFD); pure ASCII takes the Latin-1 path, a plain copy. */
    private static String decodeUtf8(byte[] buf, int len) {
        for (int k = 0; k < len; k++) {
            if (buf[k] < 0) {
                return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public byte[] blob() {
        return b;
    }

    public int subtype() {
        return subtype;
    }

    public void setSubtype(int subtype) {
        this.subtype = subtype;
    }

    /**
     * Writes this value's subtype into {@code out} as a value that survives a record: an integer, or NULL when
     * there is none (SQLite's {@code GetSubtype}).
     */
    public void subtypeTo(Mem out) {
        if (subtype == 0) {
            out.setNull();
        } else {
            out.setLong(subtype);
        }
    }

    /** Gives this value the subtype {@code held} holds as {@link #subtypeTo} wrote it (SQLite's {@code SetSubtype}). */
    public void setSubtypeFrom(Mem held) {
        subtype = held.type() == INTEGER ? (int) held.longValue() : 0;
    }

    public void setNull() {
        type = NULL;
        s = null;
        b = null;
        subtype = 0;
        intReal = false;
        u8Valid = false;
    }

    public void setLong(long v) {
        type = INTEGER;
        i = v;
        s = null;
        b = null;
        subtype = 0;
        intReal = false;
        u8Valid = false;
    }

    public void setDouble(double v) {
        type = FLOAT;
        r = v;
        s = null;
        b = null;
        subtype = 0;
        intReal = false;
        u8Valid = false;
    }

    /** Sets TEXT; a null string sets NULL. */
    public void setText(String v) {
        if (v == null) {
            setNull();
            return;
        }
        type = TEXT;
        s = v;
        b = null;
        subtype = 0;
        intReal = false;
        u8Valid = false;
    }

    /** Sets BLOB (the array is shared, not copied); a null array sets NULL. */
    public void setBlob(byte[] v) {
        if (v == null) {
            setNull();
            return;
        }
        type = BLOB;
        b = v;
        s = null;
        subtype = 0;
        intReal = false;
        u8Valid = false;
    }

    /** Makes this cell hold the same value as {@code other} (blob arrays are shared). */
    public void copyFrom(Mem other) {
        if (other == this) {
            intReal = false;
            return;
        }
        type = other.type;
        i = other.i;
        r = other.r;
        s = other.s;
        b = other.b;
        subtype = other.subtype;
        intReal = false;
        u8Valid = false;
        if (other.u8Valid) {
            copyUtf8(other.u8, 0, other.u8Len);
        }
    }

    /**
     * True when this FLOAT is marked (by REAL affinity applied for a record, see {@link #markIntReal}) to be
     * stored in a record as an integer serial type; any setter clears the mark, and a copy does not carry it
     * (unlike SQLite's flags: copied registers may be read back from an ephemeral record without RealAffinity,
     * so a copy stays a plain REAL — index keys built from copies therefore store integral REALs as type 7).
     */
    public boolean isIntReal() {
        return intReal;
    }

    /**
     * Marks a FLOAT whose value is integral and within 48 bits (SQLite's bound for MEM_IntReal, -2^47 ..
     * 2^47-1) to be stored as an integer in records, as SQLite does for REAL-affinity values; -0.0 counts as
     * 0. Other values are left unmarked.
     */
    public void markIntReal() {
        if (type == FLOAT && r >= -140737488355328.0 && r <= 140737488355327.0 && r == (double) (long) r) {
            intReal = true;
        }
    }

    @Override
    public String toString() {
        switch (type) {
            case NULL: return "NULL";
            case INTEGER: return Long.toString(i);
            case FLOAT: return Double.toString(r);
            case TEXT: return "'" + s + "'";
            default: return "x'" + b.length + " bytes'";
        }
    }
}
