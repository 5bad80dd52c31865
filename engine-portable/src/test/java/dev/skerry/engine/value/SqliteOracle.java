package dev.skerry.engine.value;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: asks SQLite 3.50.3 (sqlite-jdbc) for the value of an expression over bound {@link Mem}
 * arguments, and compares results with Skerry's (storage class and exact value, or error text).
 */
public final class SqliteOracle implements AutoCloseable {
    private final Connection db;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    public SqliteOracle() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    public Connection connection() {
        return db;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : cache.values()) {
            ps.close();
        }
        db.close();
    }

    /** The outcome of one evaluation: a value, or an error message. */
    public static final class Outcome {
        public final Mem value;
        public final String error;

        Outcome(Mem value, String error) {
            this.value = value;
            this.error = error;
        }

        public static Outcome of(Mem v) {
            Mem c = new Mem();
            c.copyFrom(v);
            return new Outcome(c, null);
        }

        public static Outcome error(String message) {
            return new Outcome(null, message);
        }

        @Override
        public String toString() {
            return error != null ? "error: " + error : describe(value);
        }
    }

    /** Evaluates {@code SELECT <sql>} with {@code args} bound to ?1, ?2, … and reads the first column of the first row. */
    public Outcome eval(String sql, Mem... args) throws SQLException {
        PreparedStatement ps = cache.get(sql);
        try {
            if (ps == null) {
                ps = db.prepareStatement("SELECT " + sql);
                cache.put(sql, ps);
            }
            for (int k = 0; k < args.length; k++) {
                bind(ps, k + 1, args[k]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Outcome.of(read(rs, 1));
            }
        } catch (SQLException e) {
            if (ps != null) {
                cache.remove(sql);
                ps.close();
            }
            return Outcome.error(message(e));
        }
    }

    /** SQLite's own message inside sqlite-jdbc's exception text. */
    public static String message(SQLException e) {
        String m = e.getMessage();
        int open = m.indexOf('(');
        if (m.startsWith("[SQLITE_") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    public static void bind(PreparedStatement ps, int index, Mem m) throws SQLException {
        switch (m.type()) {
            case Mem.INTEGER: ps.setLong(index, m.longValue()); break;
            case Mem.FLOAT: ps.setDouble(index, m.doubleValue()); break;
            case Mem.TEXT: ps.setString(index, m.text()); break;
            case Mem.BLOB: ps.setBytes(index, m.blob()); break;
            default: ps.setNull(index, java.sql.Types.NULL); break;
        }
    }

    public static Mem read(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        Mem m = new Mem();
        if (o == null) {
            m.setNull();
        } else if (o instanceof Integer || o instanceof Long) {
            m.setLong(((Number) o).longValue());
        } else if (o instanceof Double || o instanceof Float) {
            m.setDouble(rs.getDouble(column));
        } else if (o instanceof byte[]) {
            m.setBlob((byte[]) o);
        } else {
            m.setText(rs.getString(column));
        }
        return m;
    }

    public static String describe(Mem m) {
        if (m == null) {
            return "<none>";
        }
        switch (m.type()) {
            case Mem.INTEGER: return "INTEGER " + m.longValue();
            case Mem.FLOAT: return "REAL " + m.doubleValue() + " (" + Long.toHexString(Double.doubleToRawLongBits(m.doubleValue())) + ")";
            case Mem.TEXT: return "TEXT '" + shorten(m.text()) + "'";
            case Mem.BLOB: return m.blob().length > 40 ? "BLOB of " + m.blob().length + " bytes" : "BLOB " + Arrays.toString(m.blob());
            default: return "NULL";
        }
    }

    /** Long texts cut for failure messages (a huge message breaks surefire's reporting). */
    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 100) + "…(" + s.length() + " chars)";
    }

    public static boolean same(Outcome a, Outcome b) {
        if (a.error != null || b.error != null) {
            return a.error != null && a.error.equals(b.error);
        }
        Mem x = a.value;
        Mem y = b.value;
        if (x.type() != y.type()) {
            return false;
        }
        switch (x.type()) {
            case Mem.INTEGER: return x.longValue() == y.longValue();
            case Mem.FLOAT: return Double.doubleToRawLongBits(x.doubleValue()) == Double.doubleToRawLongBits(y.doubleValue())
                    || (x.doubleValue() == 0.0 && y.doubleValue() == 0.0);
            case Mem.TEXT: return x.text().equals(y.text());
            case Mem.BLOB: return Arrays.equals(x.blob(), y.blob());
            default: return true;
        }
    }

    public static Mem integer(long v) {
        Mem m = new Mem();
        m.setLong(v);
        return m;
    }

    public static Mem real(double v) {
        Mem m = new Mem();
        m.setDouble(v);
        return m;
    }

    public static Mem text(String v) {
        Mem m = new Mem();
        m.setText(v);
        return m;
    }

    public static Mem blob(String ascii) {
        Mem m = new Mem();
        m.setBlob(ascii.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    public static Mem nul() {
        return new Mem();
    }

    /** Edge values of every storage class. */
    public static List<Mem> edgeValues() {
        List<Mem> v = new ArrayList<>();
        v.add(nul());
        for (long x : new long[] {0, 1, -1, 2, 3, -7, 7, 10, 63, 64, 65, -64, 100, 1000000, 4503599627370496L,
            9007199254740993L, 123456789012345678L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
            3037000500L, -3037000500L}) {
            v.add(integer(x));
        }
        for (double x : new double[] {0.0, -0.0, 0.1, -0.5, 0.5, 1.5, 2.5, -2.5, 1.0 / 3, 2.0, 1e15, 1e16, 1e20, -1e20,
            9223372036854775807.0, -9223372036854775808.0, 1e308, -1e308, 4.9e-324, 1e-300, 3.7, -3.7, 1e-5,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0005, 123.456}) {
            v.add(real(x));
        }
        for (String s : new String[] {"", " ", "0", "1", "-1", "12abc", " 12 ", "1e3", "1.5", "1.0", "abc", "ABC",
            "0x10", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e999", "-0",
            "  -2.5e1  ", ".5", "héllo", "日本語", "a%b_c", "O'Reilly", "x\"y", "3.0", "1e-400", "\t7\n", "+5",
            "12.5abc", "5 "}) {
            v.add(text(s));
        }
        for (String s : new String[] {"", "12", "abc", "1.5", " 7 "}) {
            v.add(blob(s));
        }
        Mem b = new Mem();
        b.setBlob(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80});
        v.add(b);
        return v;
    }
}
