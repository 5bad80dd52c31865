/**
 * SQLite's record format (fileformat2 §2.1): how a row or an index key is stored as bytes in a b-tree cell.
 *
 * <p>A record is a header (its own size as a varint, then one serial type varint per column) followed by
 * the column bodies in the same order. {@link dev.skerry.engine.record.Varint} is SQLite's 1–9 byte
 * big-endian varint, {@link dev.skerry.engine.record.RecordWriter} encodes values into a record and
 * {@link dev.skerry.engine.record.RecordReader} decodes one lazily, column by column, into
 * {@link dev.skerry.engine.value.Mem} cells. The b-tree layer ({@code btree}) stores records as cell
 * payloads; the VM builds them (OP_MakeRecord) and reads them (OP_Column).
 */
package dev.skerry.engine.record;
