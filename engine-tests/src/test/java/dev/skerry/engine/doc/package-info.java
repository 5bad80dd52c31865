/**
 * {@code COMPAT.md} held to the engines: the tables of functions and pragmas name everything SQLite 3.50.3
 * (sqlite-jdbc) has, every row's status agrees with what Skerry answers
 * ({@link dev.skerry.engine.doc.FunctionListCompatTest}, {@link dev.skerry.engine.doc.PragmaListCompatTest}), and
 * every claim names test classes that exist ({@link dev.skerry.engine.doc.ProvingTestsExistTest}).
 * {@link dev.skerry.engine.doc.CompatTable} reads the document's tables.
 */
package dev.skerry.engine.doc;
