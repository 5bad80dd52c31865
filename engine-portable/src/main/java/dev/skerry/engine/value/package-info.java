/**
 * Values as SQLite has them: the five storage classes in a mutable cell ({@link dev.skerry.engine.value.Mem},
 * a VM register) and everything SQLite does with them outside of storage and functions.
 *
 * <ul>
 *   <li>Order and equality: {@link dev.skerry.engine.value.ValueCompare} (SQLite's total order, used by
 *       indexes, ORDER BY, DISTINCT, min/max) with a {@link dev.skerry.engine.value.Collation};
 *       {@link dev.skerry.engine.value.Compare} (the comparison operators, with affinity and NULL rules);
 *       {@link dev.skerry.engine.value.Like} (LIKE and GLOB).</li>
 *   <li>Types: {@link dev.skerry.engine.value.Affinity} (column affinity from a declared type, applied when
 *       storing and comparing) and {@link dev.skerry.engine.value.Convert} (the {@code sqlite3_value_*}
 *       conversions and CAST).</li>
 *   <li>Operators: {@link dev.skerry.engine.value.Arithmetic} (+ - * / %, bit operators, ||, unary minus).</li>
 *   <li>Number text: {@link dev.skerry.engine.value.NumberFormat} (SQLite's {@code %!.15g} rendering of a
 *       REAL), {@link dev.skerry.engine.value.NumberParse} ({@code sqlite3AtoF}, {@code sqlite3Atoi64}) and
 *       {@link dev.skerry.engine.value.Printf} (SQLite's printf). Decimal digits come from
 *       {@code FpDecode} using SQLite 3.50's double-double arithmetic, so text matches SQLite bit for bit;
 *       nothing relies on {@code Double.toString}, {@code Double.parseDouble} or {@code String.format},
 *       which behave differently under TeaVM.</li>
 * </ul>
 *
 * <p>Numeric paths (arithmetic and comparison of INTEGER/REAL cells, affinity on numbers) allocate nothing.
 */
package dev.skerry.engine.value;
