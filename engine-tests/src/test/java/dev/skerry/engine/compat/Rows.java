package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;

/** Compares result rows value by value and storage class by storage class. */
final class Rows {
    private Rows() {
    }

    /** Fails with the first difference between {@code expected} and {@code actual}. */
    static void assertSame(List<List<Object>> expected, List<List<Object>> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            List<Object> e = expected.get(i);
            List<Object> a = actual.get(i);
            if (e.size() != a.size()) {
                fail(what + ": row " + i + " has " + a.size() + " columns, expected " + e.size());
            }
            for (int k = 0; k < e.size(); k++) {
                if (!sameValue(e.get(k), a.get(k))) {
                    fail(what + ": row " + i + " column " + k + ": expected " + show(e.get(k)) + " got "
                            + show(a.get(k)) + "\n expected row " + showRow(e) + "\n actual row   " + showRow(a));
                }
            }
        }
        if (expected.size() != actual.size()) {
            fail(what + ": " + actual.size() + " rows, expected " + expected.size()
                    + (n < expected.size() ? "; first missing " + showRow(expected.get(n))
                    : "; first extra " + showRow(actual.get(n))));
        }
    }

    static boolean sameValue(Object e, Object a) {
        if (e == null || a == null) {
            return e == a;
        }
        if (e.getClass() != a.getClass()) {
            return false;
        }
        if (e instanceof byte[]) {
            return Arrays.equals((byte[]) e, (byte[]) a);
        }
        return e.equals(a);
    }

    static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        String type = v instanceof Long ? "int" : v instanceof Double ? "real" : v instanceof String ? "text" : "blob";
        String text;
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder("x'");
            for (int i = 0; i < Math.min(b.length, 16); i++) {
                sb.append(Character.forDigit((b[i] >> 4) & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
            }
            text = sb.append(b.length > 16 ? "…' (" + b.length + " bytes)" : "'").toString();
        } else {
            text = String.valueOf(v);
            if (text.length() > 60) {
                text = text.substring(0, 60) + "… (" + text.length() + " chars)";
            }
        }
        return type + ":" + text;
    }

    static String showRow(List<Object> row) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(show(row.get(i)));
        }
        return sb.append(']').toString();
    }
}
