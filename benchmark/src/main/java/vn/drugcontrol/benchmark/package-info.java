/**
 * Benchmarks of the classifier at national scale, run by {@code ./benchmark/run} (see
 * docs/benchmarks.md): rules vs plain Java, rule-set builds, runs end to end, the API.
 */
package vn.drugcontrol.benchmark;
