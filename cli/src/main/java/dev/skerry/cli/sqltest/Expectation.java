package dev.skerry.cli.sqltest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code expect [MODIFIER] { ... }} block and the comparison {@code run_sqltest_cli.py} makes with it.
 *
 * <ul>
 *   <li>no modifier: each expected line trimmed, joined with newlines, equal to the output lines joined;</li>
 *   <li>{@code raw}: the block as written equal to the output;</li>
 *   <li>{@code unordered}: the sets of (trimmed, non-empty) lines equal;</li>
 *   <li>{@code pattern}: the trimmed block, a regular expression, found in the output;</li>
 *   <li>{@code error}: the statement must fail; a non-empty block is a regular expression found, ignoring
 *       case, in the normalised error message (whitespace runs collapsed on both sides).</li>
 * </ul>
 * Immutable.
 */
public final class Expectation {
    final String modifier;
    final String content;

    Expectation(String modifier, String content) {
        this.modifier = modifier;
        this.content = content;
    }

    /**
     * Compares the outcome of a case: {@code error} is the normalised error message (null when the SQL ran
     * without error), {@code lines} the output lines. Returns null when it matches, else why not.
     */
    String mismatch(String error, List<String> lines) {
        if ("error".equals(modifier)) {
            if (error == null) {
                return "expected error but query succeeded";
            }
            String pat = content.strip();
            if (pat.isEmpty()) {
                return null;
            }
            try {
                if (Pattern.compile(collapse(pat), Pattern.CASE_INSENSITIVE).matcher(collapse(error)).find()) {
                    return null;
                }
            } catch (PatternSyntaxException e) {
                return "bad regex '" + pat + "': " + e.getDescription();
            }
            return "error '" + error + "' does not match '" + pat + "'";
        }
        if (error != null) {
            return "expected success but got error: " + error;
        }
        String actual = String.join("\n", lines);
        if ("pattern".equals(modifier)) {
            try {
                return Pattern.compile(content.strip()).matcher(actual).find() ? null
                        : "output '" + clip(actual) + "' does not match pattern '" + content.strip() + "'";
            } catch (PatternSyntaxException e) {
                return "bad regex: " + e.getDescription();
            }
        }
        if ("unordered".equals(modifier)) {
            TreeSet<String> want = new TreeSet<>();
            for (String l : content.strip().split("\n", -1)) {
                if (!l.strip().isEmpty()) {
                    want.add(l.strip());
                }
            }
            TreeSet<String> got = new TreeSet<>(lines);
            if (got.equals(want)) {
                return null;
            }
            TreeSet<String> missing = new TreeSet<>(want);
            missing.removeAll(got);
            TreeSet<String> extra = new TreeSet<>(got);
            extra.removeAll(want);
            return "unordered mismatch: missing " + first(missing) + " extra " + first(extra);
        }
        String expected;
        if ("raw".equals(modifier)) {
            expected = content;
        } else if (modifier == null) {
            List<String> trimmed = new ArrayList<>();
            for (String l : content.split("\n", -1)) {
                trimmed.add(l.strip());
            }
            expected = String.join("\n", trimmed);
        } else {
            return "unknown expect modifier '" + modifier + "'";
        }
        return actual.equals(expected) ? null : "expected '" + clip(expected) + "' got '" + clip(actual) + "'";
    }

    /** Python's {@code " ".join(w for w in s.split() if w != "│")}. */
    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.strip().split("\\s+")) {
            if (w.isEmpty() || w.equals("│")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    private static String first(TreeSet<String> s) {
        List<String> out = new ArrayList<>();
        for (String x : s) {
            if (out.size() == 5) {
                break;
            }
            out.add(x);
        }
        return out.toString();
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
