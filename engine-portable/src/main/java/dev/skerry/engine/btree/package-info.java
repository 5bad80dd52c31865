/**
 * SQLite's b-trees (fileformat2 §1.6): table b-trees keyed by 64-bit rowids with the row record in the
 * leaves, and index b-trees whose entries are records (key columns, then the rowid) ordered by
 * {@link dev.skerry.engine.btree.KeyInfo}.
 *
 * <p>{@link dev.skerry.engine.btree.BTreeCursor} walks, seeks and changes one tree through the
 * {@code pager}; {@link dev.skerry.engine.btree.BtPage} documents the page layout and cell formats;
 * {@link dev.skerry.engine.btree.CellEdit} changes one page in place (cell pointer array, freeblocks,
 * defragmentation); {@link dev.skerry.engine.btree.Balancer} redistributes cells among siblings after an
 * insert overfills or a delete underfills a page; {@link dev.skerry.engine.btree.CursorRegistry} parks the
 * other cursors of a tree before it changes; {@link dev.skerry.engine.btree.TreeLoader} builds a whole tree from
 * entries in key order into a {@link dev.skerry.engine.btree.PageImage} (VACUUM). Writes follow the async rule: every page an operation may
 * touch is made resident (and pinned) first, then the tree is changed without I/O.
 */
package dev.skerry.engine.btree;
