package dev.skerry.cli.shell;

import java.nio.charset.StandardCharsets;

/**
 * The caret lines the shell adds under a prepare error ({@code shell_error_context}): up to 78 bytes of the
 * statement, starting at most 50 bytes before the error offset (never inside a UTF-8 character), with
 * whitespace shown as spaces, then a line pointing at the offset ({@code ^--- error here} below column 25,
 * {@code error here ---^} from there on). As in sqlite3 the widths count UTF-8 bytes, so on non-ASCII text
 * the caret stands where sqlite3's does, right of the token; the backend's offset, counted in Java chars, is
 * converted to bytes first.
 */
final class ErrorContext {
    private ErrorContext() {
    }

    /** The text to append to the message (starting with a newline), or "" when the offset is unknown. */
    static String of(String sql, int charOffset) {
        if (charOffset < 0 || charOffset >= sql.length()) {
            return "";
        }
        byte[] z = sql.getBytes(StandardCharsets.UTF_8);
        int offset = sql.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
        int start = 0;
        while (offset > 50) {
            offset--;
            start++;
            while (start < z.length && isContinuation(z[start])) {
                start++;
                offset--;
            }
        }
        int len = z.length - start;
        if (len > 78) {
            len = 78;
            while (start + len < z.length && isContinuation(z[start + len])) {
                len--;
            }
        }
        String code = new String(z, start, len, StandardCharsets.UTF_8);
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

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
