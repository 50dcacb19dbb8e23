/**
 * Implementation of the event wire format: byte writer and reader over a Vert.x buffer, the
 * per-message string dictionary, the built-in payload codecs and the layout shared by the
 * event and batch codecs.
 *
 * <pre>
 * EventCodec / EventBatchCodec
 *        |  writeEvent / writeBatch            readEvent / readBatch
 *        v                                            ^
 *   EventWireFormat -- BinaryWriter(+StringDictionary)  BinaryReader(dictionary)
 *        |                        \                    /
 *        +--> PayloadCodecs --> PayloadCodec (BuiltInPayloadCodecs, AttributesCodec, user codecs)
 * </pre>
 *
 * <p>The layout is documented on {@link dev.tierbus.event.impl.EventWireFormat}.
 */
package dev.tierbus.event.impl;
