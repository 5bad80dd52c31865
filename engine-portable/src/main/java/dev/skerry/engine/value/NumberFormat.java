package dev.skerry.engine.value;

import dev.skerry.engine.SqliteException;
import java.nio.charset.StandardCharsets;

/**
 * Numbers rendered as text the way SQLite renders them: an INTEGER in decimal, a REAL with
 * {@code %!.15g} (15 significant digits, {@code .0} kept on integral values, exponent form
 * {@code 1.0e+15} when the exponent is below -4 or above 14, {@code Inf}/{@code -Inf}). Used for
 * CAST(x AS TEXT), {@code ||}, text affinity and every place SQLite calls {@code sqlite3VdbeMemStringify}.
 */
public final class NumberFormat {
    private NumberFormat() {
    }

    /** SQLite's text of a REAL value ({@code %!.15g}). */
    public static String formatDouble(double r) {
        if (r > -1e15 && r < 1e15) {
            long l = (long) r;
            if (l == r) {
                return Long.toString(l).concat(".0");
            }
        }
        try {
            byte[] b = Printf.floatText('g', r, 15, 0, false, true, false, false, (byte) 0, (byte) 0);
            return new String(b, StandardCharsets.UTF_8);
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQLite's text of an INTEGER value. */
    public static String formatLong(long v) {
        return Long.toString(v);
    }

    /**
     * The text {@code quote()} gives a REAL: {@code %!0.15g} when that reads back as the same double,
     * else {@code %!0.20e}.
     */
    public static String quoteDouble(double r) {
        try {
            byte[] b = Printf.floatText('g', r, 15, 0, false, true, true, false, (byte) 0, (byte) 0);
            String t = new String(b, StandardCharsets.UTF_8);
            if (NumberParse.atof(t) != r) {
                b = Printf.floatText('e', r, 20, 0, false, true, true, false, (byte) 0, (byte) 0);
                t = new String(b, StandardCharsets.UTF_8);
            }
            return t;
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }
}
