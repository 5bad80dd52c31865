package dev.skerry.testkit;

import dev.skerry.engine.parser.SqlComplete;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at the semicolons that end them, skipping semicolons inside string
 * literals, quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}) and comments, and those inside a
 * CREATE TRIGGER's body (a semicolon ends a statement only where {@link SqlComplete} says the text is complete). Each piece keeps its
 * text as written, without the semicolon; pieces that hold only whitespace and comments are dropped.
 */
public final class ScriptSplitter {
    private ScriptSplitter() {
    }

    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        boolean hasToken = false;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                i++;
                while (i < n) {
                    if (script.charAt(i) == close) {
                        if (close != ']' && i + 1 < n && script.charAt(i + 1) == close) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
                hasToken = true;
                continue;
            }
            if (c == ';' && SqlComplete.isComplete(script.substring(start, i + 1))) {
                if (hasToken) {
                    out.add(script.substring(start, i).trim());
                }
                start = i + 1;
                hasToken = false;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                hasToken = true;
            }
            i++;
        }
        if (hasToken) {
            out.add(script.substring(start).trim());
        }
        return out;
    }
}
