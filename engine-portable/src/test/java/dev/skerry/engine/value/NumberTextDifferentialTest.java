package dev.skerry.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REAL → text and text → REAL/INTEGER compared with SQLite 3.50.3 (sqlite-jdbc) on many values. */
class NumberTextDifferentialTest {
    private static Connection db;

    @BeforeAll
    static void open() throws Exception {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static List<Double> doubles() {
        List<Double> v = new ArrayList<>();
        double[] fixed = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e15, 1e16, 1e14, 123456789012345678.0,
            9223372036854775807.0, -9223372036854775808.0, 1e-4, 1e-5, 0.0001234, 1.5, 2.5, 100.0, 1e100, 1e-100,
            1e308, 1.7976931348623157e308, 4.9e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456.789, 999999999999999.0, 9999999999999999.0,
            99999999999999.99, 0.999999999999999, 0.9999999999999999, 1e21, 1e22, 1e23, 5e-324, 3.14159, -2.71828,
            4503599627370496.0, 4503599627370497.0, 9007199254740993.0, 1e-7, 12345678901234567890.0};
        for (double d : fixed) {
            v.add(d);
        }
        Random r = new Random(42);
        for (int k = 0; k < 6000; k++) {
            v.add(Double.longBitsToDouble(r.nextLong()));
        }
        for (int k = 0; k < 3000; k++) {
            v.add((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
        }
        for (int k = 0; k < 2000; k++) {
            v.add(Math.round(r.nextDouble() * 1e6) / Math.pow(10, r.nextInt(8)));
        }
        for (int k = 0; k < 2000; k++) {
            v.add((double) ((r.nextLong() >> r.nextInt(64)) * (r.nextBoolean() ? 1 : -1)));
        }
        for (double d = 999999999999990.0; d < 1000000000000010.0; d += 1.0) {
            v.add(d);
            v.add(-d);
        }
        v.removeIf(d -> Double.isNaN(d));
        return v;
    }

    @Test
    void formatDoubleMatchesCastAsText() throws Exception {
        int n = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT CAST(? AS TEXT)")) {
            for (double d : doubles()) {
                ps.setDouble(1, d);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(1), NumberFormat.formatDouble(d), "bits " + Double.doubleToRawLongBits(d));
                }
                n++;
            }
        }
        System.out.println("formatDouble cases: " + n);
    }

    @Test
    void quoteOfRealMatches() throws Exception {
        int n = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT quote(?)")) {
            for (double d : doubles()) {
                ps.setDouble(1, d);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(1), NumberFormat.quoteDouble(d), "bits " + Double.doubleToRawLongBits(d));
                }
                n++;
            }
        }
        System.out.println("quote cases: " + n);
    }

    static List<String> numericTexts() {
        List<String> v = new ArrayList<>();
        String[] fixed = {"", " ", "0", "-0", "+0", "-0.0", "0.0", "1", " 1 ", "\t12\n", "12abc", "1e3", "1E3", "1e",
            "1e+", "1e-", "1.5e", "1.5e+", ".5", "5.", ".", "-", "+", "-.5", "1e999", "-1e999", "1e-999", "4.9e-324",
            "2.4e-324", "2.5e-324", "0x10", "0X1F", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
            "123456789012345678901234567890", "0.1", "0.30000000000000004", "1.7976931348623157e308",
            "1.7976931348623159e308", "2.2250738585072011e-308", "3500000000000000.2500001", " +3.5 x", "abc",
            "00012", "000000000000000000000000012.5", "1.0", "1.00000000000000000001", "1e10000000", "1e-10000000",
            "12.5abc", "1e3x", "  -  1", "1 2", "١٢", "12\u0000", "0.000001", "9007199254740993", "4503599627370497.5",
            "123456789012345678", "-0x10", "1.e5", "Inf", "NaN", "1_000"};
        for (String s : fixed) {
            v.add(s);
        }
        Random r = new Random(7);
        for (int k = 0; k < 4000; k++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(4) == 0) {
                sb.append(r.nextBoolean() ? '-' : '+');
            }
            int digits = 1 + r.nextInt(25);
            for (int j = 0; j < digits; j++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                sb.insert(1 + r.nextInt(sb.length()), '.');
            }
            if (r.nextInt(3) == 0) {
                sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(700) - 350);
            }
            v.add(sb.toString());
        }
        for (int k = 0; k < 3000; k++) {
            v.add(Double.toString(Double.longBitsToDouble(r.nextLong())).replace("E", "e"));
        }
        for (int k = 0; k < 1000; k++) {
            v.add(Long.toString(r.nextLong()));
        }
        return v;
    }

    @Test
    void textToRealMatchesCastAsReal() throws Exception {
        int n = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT CAST(? AS REAL)")) {
            for (String s : numericTexts()) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double expected = rs.getDouble(1);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(NumberParse.atof(s)),
                            "text '" + s + "' expected " + expected + " got " + NumberParse.atof(s));
                }
                n++;
            }
        }
        System.out.println("atof cases: " + n);
    }

    @Test
    void textToIntegerMatchesCastAsInteger() throws Exception {
        int n = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT CAST(? AS INTEGER)")) {
            for (String s : numericTexts()) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getLong(1), NumberParse.atoi64(s), "text '" + s + "'");
                }
                n++;
            }
        }
        System.out.println("atoi64 cases: " + n);
    }

    /** Integer literals as the translator reads them: decimal, and hexadecimal taken as 64-bit patterns. */
    @Test
    void integerLiteralsMatchSqlite() throws Exception {
        String[] literals = {"0", "1", "9223372036854775807", "0x0", "0x10", "0X1f", "0xffffffffffffffff",
            "0x7fffffffffffffff", "0x8000000000000000", "0x00000000000000000001", "0xABCDEF0123456789", "00012"};
        int n = 0;
        try (java.sql.Statement st = db.createStatement()) {
            for (String lit : literals) {
                try (ResultSet rs = st.executeQuery("SELECT " + lit)) {
                    rs.next();
                    assertEquals(rs.getLong(1), NumberParse.decOrHexToLong(lit), lit);
                    assertEquals(0, NumberParse.decOrHexStatus(lit), lit);
                }
                n++;
            }
        }
        assertEquals(2, NumberParse.decOrHexStatus("0x10000000000000000"));
        assertEquals(3, NumberParse.decOrHexStatus("9223372036854775808"));
        assertEquals(2, NumberParse.decOrHexStatus("9223372036854775809"));
        System.out.println("literal cases: " + n);
    }
}
