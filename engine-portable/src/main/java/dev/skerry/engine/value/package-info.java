/**
 * Values as SQLite has them: the five storage classes in a mutable cell ({@link dev.skerry.engine.value.Mem},
 * a VM register), type affinity, comparison and collation, conversions between text and numbers, and
 * SQLite's own rendering of numbers as text ({@code %!.15g}).
 */
package dev.skerry.engine.value;
