/**
 * The JVM benchmark: the speedtest1-like workload of {@code shared/bench-peers} (steps W1–W7, the same SQL
 * and the same deterministic data, mulberry32 with seed 42) run against each {@link dev.skerry.bench.Target}
 * in one process, so that Skerry's times are read as ratios to SQLite's from the same run. With
 * {@code --slt}, {@link dev.skerry.bench.SltBench} times sqllogictest files (the planner's yardstick: the
 * {@code index/} family) on both engines instead.
 */
package dev.skerry.bench;
