package dev.skerry.engine.json;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.Accumulator;
import dev.skerry.engine.func.FunctionContext;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.FunctionRegistry;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;

/**
 * json_group_array, json_group_object and their {@code jsonb_} forms, also usable as window functions (the
 * inverse drops the oldest element from the text, as SQLite's {@code jsonGroupInverse} does).
 */
final class JsonAggregates {
    private JsonAggregates() {
    }

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.aggregate("json_group_array", 1, () -> new Group(false, false)));
        r.register(FunctionDef.aggregate("jsonb_group_array", 1, () -> new Group(false, true)));
        r.register(FunctionDef.aggregate("json_group_object", 2, () -> new Group(true, false)));
        r.register(FunctionDef.aggregate("jsonb_group_object", 2, () -> new Group(true, true)));
    }

    /**
     * One group's JSON text so far, without its closing bracket: null before the first row, then
     * {@code [} or <code>{</code> followed by the elements separated by commas.
     */
    private static final class Group implements Accumulator {
        private final boolean object;
        private final boolean blob;
        private JsonBuilder text;

        Group(boolean object, boolean blob) {
            this.object = object;
            this.blob = blob;
        }

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) throws SqliteException {
            String label = null;
            if (object) {
                label = Convert.toText(args[base]);
                if (label != null && label.indexOf(0) >= 0) {
                    label = label.substring(0, label.indexOf(0));
                }
            }
            if (text == null) {
                text = new JsonBuilder(64);
                text.append(object ? '{' : '[');
            } else if (text.length > 1 && (!object || label != null)) {
                text.append(',');
            }
            if (!object) {
                JsonValues.appendSql(text, args[base]);
            } else if (label != null) {
                byte[] l = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                JsonText.appendString(text, l, 0, l.length);
                text.append(':');
                JsonValues.appendSql(text, args[base + 1]);
            }
        }

        @Override
        public void finalizeInto(Mem result) {
            valueInto(result);
        }

        @Override
        public void valueInto(Mem result) {
            if (text == null) {
                result.setText(object ? "{}" : "[]");
                result.setSubtype(Jsonb.SUBTYPE);
                return;
            }
            text.append(object ? '}' : ']');
            if (blob) {
                result.setBlob(JsonParser.parse(text.buf, text.length).blob());
            } else {
                result.setTextUtf8(text.buf, 0, text.length);
                result.setSubtype(Jsonb.SUBTYPE);
            }
            text.length--;
        }

        @Override
        public boolean hasInverse() {
            return true;
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args, int base, int argc) {
            byte[] z = text.buf;
            boolean inStr = false;
            int nest = 0;
            int i;
            for (i = 1; i < text.length; i++) {
                int c = z[i];
                if (c == ',' && !inStr && nest == 0) {
                    break;
                }
                if (c == '"') {
                    inStr = !inStr;
                } else if (c == '\\') {
                    i++;
                } else if (!inStr) {
                    if (c == '{' || c == '[') {
                        nest++;
                    }
                    if (c == '}' || c == ']') {
                        nest--;
                    }
                }
            }
            if (i < text.length) {
                int used = text.length - i;
                System.arraycopy(z, i + 1, z, 1, used - 1);
                text.length = used;
            } else {
                text.length = 1;
            }
        }
    }
}
