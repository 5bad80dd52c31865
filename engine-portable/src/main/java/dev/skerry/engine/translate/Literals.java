package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.NumberParse;

/**
 * The values of literal tokens as SQLite's compiler computes them ({@code sqlite3ExprCodeInteger},
 * {@code codeReal}): a decimal integer that does not fit in 64 bits becomes a REAL; a hexadecimal one is
 * taken as 64-bit two's complement and is an error ({@code hex literal too big}) beyond 16 digits; a
 * negated integer literal is negated before conversion, so {@code -9223372036854775808} is an INTEGER.
 */
final class Literals {
    private Literals() {
    }

    /** The value of {@code lit}: Long, Double, String, byte[], or null for NULL. */
    static Object value(Expr.Literal lit, String sql, boolean negate) throws SqliteException {
        switch (lit.kind()) {
            case INTEGER:
                return integer(lit, sql, negate);
            case FLOAT: {
                double d = NumberParse.atof(lit.value());
                return negate ? -d : d;
            }
            case STRING:
                return lit.value();
            case BLOB:
                return hexBlob(lit.value());
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException(lit.kind().toString());
        }
    }

    private static Object integer(Expr.Literal lit, String sql, boolean negate) throws SqliteException {
        String t = lit.value();
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            long v = 0;
            int digits = 0;
            for (int i = 2; i < t.length(); i++) {
                int d = Character.digit(t.charAt(i), 16);
                if (digits > 0 || d != 0) {
                    digits++;
                }
                v = (v << 4) | d;
            }
            if (digits > 16 || (negate && v == Long.MIN_VALUE)) {
                throw SqliteException.error("hex literal too big: " + (negate ? "-" : "") + lit.sourceText(sql));
            }
            return negate ? -v : v;
        }
        long v = 0;
        boolean overflow = false;
        for (int i = 0; i < t.length(); i++) {
            int d = t.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
                break;
            }
            v = v * 10 + d;
        }
        if (!overflow) {
            return negate ? -v : v;
        }
        if (negate && t.equals("9223372036854775808")) {
            return Long.MIN_VALUE;
        }
        double d = NumberParse.atof(t);
        return negate ? -d : d;
    }

    private static byte[] hexBlob(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return b;
    }
}
