package dev.skerry.engine.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one table of {@code COMPAT.md}: the first table after a {@code ## heading}, each row split in
 * its three cells (feature, status, proved by). A row is <em>absent</em> when its status starts with
 * {@code **no**}; every other row claims the feature. The names a row is about are the backticked spans of
 * its feature cell that start with an identifier (or are {@code ->}/{@code ->>}), taken up to the first
 * character that is not part of one, as long as that character is {@code (} or {@code [} or the end.
 */
final class CompatTable {
    /** One row of a table: its cells, as written. */
    record Row(String feature, String status, String provedBy) {
        boolean absent() {
            return status.startsWith("**no**");
        }

        /** The names in the feature cell, in order of appearance. */
        Set<String> names() {
            Set<String> out = new LinkedHashSet<>();
            int at = 0;
            while (true) {
                int open = feature.indexOf('`', at);
                if (open < 0) {
                    return out;
                }
                int close = feature.indexOf('`', open + 1);
                if (close < 0) {
                    return out;
                }
                String span = feature.substring(open + 1, close);
                at = close + 1;
                if (span.equals("->") || span.equals("->>")) {
                    out.add(span);
                    continue;
                }
                int end = 0;
                while (end < span.length() && (Character.isLowerCase(span.charAt(end))
                        || Character.isDigit(span.charAt(end)) && end > 0 || span.charAt(end) == '_')) {
                    end++;
                }
                if (end > 0 && (end == span.length() || span.charAt(end) == '(' || span.charAt(end) == '[')) {
                    out.add(span.substring(0, end));
                }
            }
        }
    }

    private CompatTable() {
    }

    /** {@code COMPAT.md} of the repository: found from the working directory upwards. */
    static List<String> document() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path file = dir.resolve("COMPAT.md");
            if (Files.isRegularFile(file)) {
                return Files.readAllLines(file);
            }
            dir = dir.getParent();
        }
        throw new IOException("COMPAT.md not found above " + System.getProperty("user.dir"));
    }

    /** The rows of the first table after the line {@code ## heading}. */
    static List<Row> rows(String heading) throws IOException {
        List<String> lines = document();
        int k = lines.indexOf("## " + heading);
        if (k < 0) {
            throw new IOException("COMPAT.md has no section " + heading);
        }
        while (k < lines.size() && !lines.get(k).startsWith("|")) {
            k++;
        }
        List<Row> rows = new ArrayList<>();
        for (k += 2; k < lines.size() && lines.get(k).startsWith("|"); k++) {
            List<String> cells = cells(lines.get(k));
            if (cells.size() != 3) {
                throw new IOException("COMPAT.md row without three cells: " + lines.get(k));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2)));
        }
        return rows;
    }

    /** The rows of every three-column table of the document (header and separator lines left out). */
    static List<Row> allRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : document()) {
            if (!line.startsWith("|")) {
                header = true;
                continue;
            }
            List<String> cells = cells(line);
            if (header || cells.size() != 3 || cells.get(0).startsWith("---")) {
                header = false;
                continue;
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2)));
        }
        return rows;
    }

    /** The cells of a table line; {@code \|} is a bar inside a cell. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 1; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\\' && k + 1 < line.length() && line.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
