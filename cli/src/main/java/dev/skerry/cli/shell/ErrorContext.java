package dev.skerry.cli.shell;

/**
 * The caret lines the shell adds under a prepare error ({@code shell_error_context}): up to 78 characters of
 * the statement, starting at most 50 before the error offset, with whitespace shown as spaces, then a line
 * pointing at the offset ({@code ^--- error here} below column 25, {@code error here ---^} from there on).
 * Offsets are counted in characters (SQLite counts UTF-8 bytes; the two agree on ASCII text).
 */
final class ErrorContext {
    private ErrorContext() {
    }

    /** The text to append to the message (starting with a newline), or "" when the offset is unknown. */
    static String of(String sql, int offset) {
        if (offset < 0 || offset >= sql.length()) {
            return "";
        }
        int start = 0;
        while (offset > 50) {
            offset--;
            start++;
        }
        String code = sql.substring(start, Math.min(sql.length(), start + 78));
        StringBuilder sb = new StringBuilder("\n  ");
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            sb.append(QuickScan.isSpace(c) ? ' ' : c);
        }
        sb.append("\n  ");
        if (offset < 25) {
            sb.append(" ".repeat(offset)).append("^--- error here");
        } else {
            sb.append(" ".repeat(offset - 14)).append("error here ---^");
        }
        return sb.toString();
    }
}
