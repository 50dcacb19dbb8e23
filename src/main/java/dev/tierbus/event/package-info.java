/**
 * The event model: {@link dev.tierbus.event.Event}, {@link dev.tierbus.event.EventType} with
 * its default {@link dev.tierbus.event.Tier}, the payload records, {@link
 * dev.tierbus.event.EventBatch} and the codecs.
 *
 * <pre>
 *   Event ── payload: Bar | Tick | Quote | Trade | BookUpdate | Signal | IndicatorValue
 *                     | Order | Fill | PortfolioUpdate | RegimeChange | Notice | Attributes
 *                     | RiskAlert | AnalysisReport
 *   in-JVM:      passed by reference (EventCodec / EventBatchCodec transform() = identity)
 *   across JVMs: compact binary (EventBatchCodec: one message per batch, string dictionary)
 * </pre>
 *
 * Everything here is immutable; stable numeric codes (never ordinals) go on the wire.
 */
package dev.tierbus.event;
