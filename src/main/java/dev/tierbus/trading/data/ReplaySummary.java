package dev.tierbus.trading.data;

/**
 * What a market-data replay published.
 *
 * @param groups distinct bar times released (each one BAR_OPEN phase and one BAR phase)
 * @param bars BAR events published (as many BAR_OPEN events)
 * @param ticks TICK events published
 * @param badRowsSkipped rows left out under {@code bad_rows: skip} (counted again on each loop)
 * @param loops completed passes over the files before the last one ({@code loop: true})
 * @param complete true when the files were replayed to their end; false when the replay was
 *     stopped before (undeploy)
 */
public record ReplaySummary(long groups, long bars, long ticks, long badRowsSkipped, long loops, boolean complete) {}
