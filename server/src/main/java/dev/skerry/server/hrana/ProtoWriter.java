package dev.skerry.server.hrana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.skerry.engine.value.Mem;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;

/**
 * Writes Hrana responses as the clients decode them: integers and rowids as decimal strings, floats as JSON
 * numbers (an infinite REAL as {@code 1e999} / {@code -1e999}, which JSON parsers read as ±Infinity), text as
 * strings, blobs as padded base64, {@code affected_row_count} as a number. One writer holds one JSON
 * generator over the response buffer; cursor entries are separate JSON texts, one per line.
 */
final class ProtoWriter implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator g;

    ProtoWriter(OutputStream out) throws IOException {
        g = FACTORY.createGenerator(out);
        g.setRootValueSeparator(null);
    }

    JsonGenerator json() {
        return g;
    }

    /** Ends one cursor entry (a line of the NDJSON body). */
    void newline() throws IOException {
        g.writeRaw('\n');
    }

    void error(RequestError e) throws IOException {
        g.writeStartObject();
        g.writeStringField("message", e.getMessage());
        g.writeStringField("code", e.code());
        g.writeEndObject();
    }

    void stmtResult(StmtResult r) throws IOException {
        g.writeStartObject();
        cols(r.cols());
        g.writeArrayFieldStart("rows");
        for (Mem[] row : r.rows()) {
            row(row);
        }
        g.writeEndArray();
        g.writeNumberField("affected_row_count", r.affectedRowCount());
        lastInsertRowid(r.lastInsertRowid());
        g.writeNumberField("query_duration_ms", r.durationMs());
        g.writeEndObject();
    }

    void cols(List<StmtResult.Col> cols) throws IOException {
        g.writeArrayFieldStart("cols");
        for (StmtResult.Col c : cols) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("decltype", c.decltype());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void lastInsertRowid(Long rowid) throws IOException {
        if (rowid == null) {
            g.writeNullField("last_insert_rowid");
        } else {
            g.writeStringField("last_insert_rowid", Long.toString(rowid));
        }
    }

    void row(Mem[] row) throws IOException {
        g.writeStartArray();
        for (Mem v : row) {
            value(v);
        }
        g.writeEndArray();
    }

    void value(Mem v) throws IOException {
        g.writeStartObject();
        switch (v.type()) {
            case Mem.INTEGER:
                g.writeStringField("type", "integer");
                g.writeStringField("value", Long.toString(v.longValue()));
                break;
            case Mem.FLOAT: {
                g.writeStringField("type", "float");
                g.writeFieldName("value");
                double d = v.doubleValue();
                if (Double.isInfinite(d)) {
                    g.writeRawValue(d > 0 ? "1e999" : "-1e999");
                } else {
                    g.writeNumber(d);
                }
                break;
            }
            case Mem.TEXT:
                g.writeStringField("type", "text");
                g.writeStringField("value", v.text());
                break;
            case Mem.BLOB:
                g.writeStringField("type", "blob");
                g.writeStringField("base64", Base64.getEncoder().encodeToString(v.blob()));
                break;
            default:
                g.writeStringField("type", "null");
                break;
        }
        g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
