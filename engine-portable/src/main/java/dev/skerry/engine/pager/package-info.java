/**
 * The pager: one open database file seen as an array of fixed-size pages, with a bounded cache,
 * transactions, statement savepoints and the database header (fileformat2 §1.3).
 *
 * <p>{@link dev.skerry.engine.pager.Pager} is the only way the b-tree layer ({@code btree}) reaches
 * storage. It reads pages through the completion-based VFS ({@code io}) and never blocks: a page that is
 * not resident is requested and the call throws {@link dev.skerry.engine.io.IoPending}; the caller re-runs.
 * {@link dev.skerry.engine.pager.DbHeader} documents the byte offsets of the 100-byte header of page 1;
 * {@link dev.skerry.engine.pager.PageCache} maps page numbers to resident {@link dev.skerry.engine.pager.Page}s
 * without boxing; {@link dev.skerry.engine.pager.Freelist} is SQLite's trunk/leaf list of unused pages.
 */
package dev.skerry.engine.pager;
