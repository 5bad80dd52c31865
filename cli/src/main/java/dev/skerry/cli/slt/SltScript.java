package dev.skerry.cli.slt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits the text of a sqllogictest script into records, following the reference driver's reader: a trailing
 * CR is dropped, a line of only whitespace is empty, a line starting with {@code #} is removed wherever it is,
 * records are runs of non-empty lines, and a header counts only its first four words, each cut to 199 bytes.
 * Reading stops after a record with an unknown header (that record is returned, of kind UNKNOWN).
 */
public final class SltScript {
    private static final int MAX_WORDS = 4;
    private static final int MAX_WORD = 199;
    private static final int MAX_LABEL = 20;

    private SltScript() {
    }

    public static List<SltRecord> parse(String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.startsWith("#")) {
                continue;
            }
            lines.add(isBlank(line) ? "" : line);
            numbers.add(lineNo);
        }
        List<SltRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isEmpty()) {
                i++;
                continue;
            }
            int first = i;
            while (i < lines.size() && !lines.get(i).isEmpty()) {
                i++;
            }
            SltRecord record = parseRecord(lines.subList(first, i), numbers.subList(first, i));
            if (record != null) {
                records.add(record);
                if (record.kind == SltRecord.Kind.UNKNOWN) {
                    break;
                }
            }
        }
        return records;
    }

    private static SltRecord parseRecord(List<String> lines, List<Integer> numbers) {
        List<String> skipIf = new ArrayList<>();
        List<String> onlyIf = new ArrayList<>();
        int i = 0;
        String[] words = null;
        while (i < lines.size()) {
            words = words(lines.get(i));
            if (words[0].equals("skipif")) {
                skipIf.add(words[1]);
            } else if (words[0].equals("onlyif")) {
                onlyIf.add(words[1]);
            } else {
                break;
            }
            i++;
        }
        if (i >= lines.size()) {
            return null;
        }
        int line = numbers.get(i);
        String header = lines.get(i);
        List<String> body = lines.subList(i + 1, lines.size());
        switch (words[0]) {
            case "statement": {
                SltRecord.Kind kind = words[1].equals("ok") ? SltRecord.Kind.STATEMENT_OK
                        : words[1].equals("error") ? SltRecord.Kind.STATEMENT_ERROR : SltRecord.Kind.UNKNOWN;
                return new SltRecord(kind, line, skipIf, onlyIf, header, String.join("\n", body), "", null,
                        "", Collections.emptyList(), 0);
            }
            case "query": {
                int sep = body.indexOf("----");
                List<String> sqlLines = sep < 0 ? body : body.subList(0, sep);
                List<String> expected = sep < 0 ? Collections.emptyList() : body.subList(sep + 1, body.size());
                SltRecord.Sort sort;
                switch (words[2]) {
                    case "":
                    case "nosort":
                        sort = SltRecord.Sort.NOSORT;
                        break;
                    case "rowsort":
                        sort = SltRecord.Sort.ROWSORT;
                        break;
                    case "valuesort":
                        sort = SltRecord.Sort.VALUESORT;
                        break;
                    default:
                        sort = null;
                }
                String label = words[3].length() > MAX_LABEL ? words[3].substring(0, MAX_LABEL) : words[3];
                return new SltRecord(SltRecord.Kind.QUERY, line, skipIf, onlyIf, header,
                        String.join("\n", sqlLines), words[1], sort, label, new ArrayList<>(expected), 0);
            }
            case "hash-threshold":
                return new SltRecord(SltRecord.Kind.HASH_THRESHOLD, line, skipIf, onlyIf, header, "", "", null,
                        "", Collections.emptyList(), atoi(words[1]));
            case "halt":
                return new SltRecord(SltRecord.Kind.HALT, line, skipIf, onlyIf, header, "", "", null, "",
                        Collections.emptyList(), 0);
            default:
                return new SltRecord(SltRecord.Kind.UNKNOWN, line, skipIf, onlyIf, header, "", "", null, "",
                        Collections.emptyList(), 0);
        }
    }

    /** The first four whitespace-separated words of a line (missing ones are empty), each cut to 199 chars. */
    static String[] words(String line) {
        String[] out = {"", "", "", ""};
        int n = line.length();
        int i = 0;
        for (int w = 0; w < MAX_WORDS; w++) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            String word = line.substring(start, i);
            out[w] = word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word;
        }
        return out;
    }

    /** C's {@code atoi}: optional sign and leading digits, 0 when there are none. */
    private static int atoi(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) (negative ? -v : v);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
