package dev.tierbus.event;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Encodes one payload type to the wire and back, under a stable numeric code.
 *
 * <p>Rules: {@link #code()} identifies the type on the wire, so it never changes once messages
 * have been exchanged; codes 1-63 are the built-in payloads, user codes are
 * {@link PayloadCodecs#MIN_USER_CODE} and up. Every node of a cluster must register the same
 * codecs ({@link PayloadCodecs#register}). {@link #decode} reads exactly what {@link #encode}
 * wrote. Codecs are shared between threads and must be stateless.
 *
 * @param <P> the payload type; matched by exact class, not by subclass
 */
public interface PayloadCodec<P extends Payload> {

  /** Stable wire code of the payload type. */
  int code();

  /** The payload class this codec handles. */
  Class<P> type();

  /** Writes the fields of {@code payload} (never null). */
  void encode(P payload, WireWriter out);

  /** Reads a payload written by {@link #encode}; never returns null. */
  P decode(WireReader in);

  /**
   * A codec from two functions. Arguments of a constructor call are evaluated left to right,
   * so {@code in -> new Foo(in.readString(), in.readDouble())} reads in the order written.
   */
  static <P extends Payload> PayloadCodec<P> of(
      int code, Class<P> type, BiConsumer<? super P, WireWriter> encoder, Function<WireReader, ? extends P> decoder) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(decoder, "decoder");
    return new PayloadCodec<>() {
      @Override
      public int code() {
        return code;
      }

      @Override
      public Class<P> type() {
        return type;
      }

      @Override
      public void encode(P payload, WireWriter out) {
        encoder.accept(payload, out);
      }

      @Override
      public P decode(WireReader in) {
        return decoder.apply(in);
      }

      @Override
      public String toString() {
        return "PayloadCodec[code=" + code + ", type=" + type.getName() + "]";
      }
    };
  }
}
