package dev.skerry.wasm;

import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberFormat;

/** Writes SQL values and strings as JSON text. */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MAX_SAFE = (1L << 53) - 1;

    private JsonText() {
    }

    static void value(StringBuilder sb, Mem v) {
        switch (v.type()) {
            case Mem.NULL:
                sb.append("null");
                break;
            case Mem.INTEGER: {
                long x = v.longValue();
                if (x > MAX_SAFE || x < -MAX_SAFE) {
                    sb.append('"').append(x).append('"');
                } else {
                    sb.append(x);
                }
                break;
            }
            case Mem.FLOAT: {
                double d = v.doubleValue();
                String text = NumberFormat.formatDouble(d);
                if (Double.isInfinite(d)) {
                    string(sb, text);
                } else {
                    sb.append(text);
                }
                break;
            }
            case Mem.TEXT:
                string(sb, v.text());
                break;
            default: {
                sb.append("{\"blob\":\"");
                for (byte b : v.blob()) {
                    sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
                }
                sb.append("\"}");
            }
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
