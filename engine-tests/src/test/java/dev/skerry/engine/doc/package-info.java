/**
 * {@code COMPAT.md} held to the engines: the tables of functions and pragmas name everything SQLite 3.50.3
 * (sqlite-jdbc) has, and every row's status agrees with what Skerry answers. {@link
 * dev.skerry.engine.doc.CompatTable} reads the document's tables; the tests ask both engines.
 */
package dev.skerry.engine.doc;
