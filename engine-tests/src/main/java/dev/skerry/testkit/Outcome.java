package dev.skerry.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one SQL statement gave: either an error (primary result code and message) or its column names and
 * rows. Values are rendered with their storage class ({@code null}, {@code int:5}, {@code real:1.5},
 * {@code text:abc}, {@code blob:0a1b}) so that two outcomes are equal exactly when SQLite's would be.
 */
public final class Outcome {
    private final List<String> columns;
    private final List<List<String>> rows;
    private final int errorCode;
    private final String errorMessage;

    private Outcome(List<String> columns, List<List<String>> rows, int errorCode, String errorMessage) {
        this.columns = columns;
        this.rows = rows;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public static Outcome rows(List<String> columns, List<List<String>> rows) {
        return new Outcome(columns, rows, 0, null);
    }

    public static Outcome error(int primaryCode, String message) {
        return new Outcome(new ArrayList<>(), new ArrayList<>(), primaryCode, message);
    }

    public boolean isError() {
        return errorMessage != null;
    }

    public int errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public static String integer(long v) {
        return "int:" + v;
    }

    public static String real(double v) {
        return "real:" + v;
    }

    public static String text(String v) {
        return "text:" + v;
    }

    public static String nullValue() {
        return "null";
    }

    public static String blob(byte[] v) {
        StringBuilder sb = new StringBuilder("blob:");
        for (byte b : v) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Outcome)) {
            return false;
        }
        Outcome other = (Outcome) o;
        if (isError() || other.isError()) {
            return isError() && other.isError() && errorCode == other.errorCode
                    && errorMessage.equals(other.errorMessage);
        }
        return columns.equals(other.columns) && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return isError() ? errorMessage.hashCode() : rows.hashCode();
    }

    @Override
    public String toString() {
        if (isError()) {
            return "error " + errorCode + ": " + errorMessage;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(columns);
        for (List<String> row : rows) {
            sb.append("\n  ").append(row);
        }
        return sb.toString();
    }
}
