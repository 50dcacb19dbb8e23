package dev.tierbus.event;

import dev.tierbus.event.impl.BuiltInPayloadCodecs;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide registry of {@link PayloadCodec}s, by wire code and by payload class.
 *
 * <p>Every payload record of this package has a built-in codec (codes 1-63); a null payload is
 * code {@link #NULL_CODE}. Applications add their own payload types with {@link #register},
 * using codes from {@link #MIN_USER_CODE} to {@link #MAX_CODE}, and must register the same
 * codecs on every node before events carrying them cross the wire. Codecs cannot be removed.
 * Lookups are lock-free; registration is synchronized.
 */
public final class PayloadCodecs {

  /** Wire code of a null payload. */
  public static final int NULL_CODE = 0;
  /** Smallest code a user codec may take; 1-63 are reserved for built-in payloads. */
  public static final int MIN_USER_CODE = 64;
  /** Largest payload code. */
  public static final int MAX_CODE = 65_535;

  private static final Object LOCK = new Object();
  private static final ConcurrentHashMap<Class<?>, PayloadCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
  private static volatile PayloadCodec<?>[] byCode = new PayloadCodec<?>[MIN_USER_CODE];

  static {
    for (PayloadCodec<?> codec : BuiltInPayloadCodecs.all()) {
      add(codec);
    }
  }

  private PayloadCodecs() {}

  /**
   * Registers a user payload codec.
   *
   * @throws IllegalArgumentException when the code is outside [{@value #MIN_USER_CODE},
   *     {@value #MAX_CODE}], or its code or type already has a codec (naming both)
   */
  public static void register(PayloadCodec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(codec.type(), "codec.type()");
    int code = codec.code();
    if (code < MIN_USER_CODE || code > MAX_CODE) {
      throw new IllegalArgumentException("cannot register " + describe(codec) + ": user codes must be in ["
          + MIN_USER_CODE + ", " + MAX_CODE + "] (0-63 are reserved for built-in payloads), was " + code);
    }
    add(codec);
  }

  /** The codec with this wire code, or null when none is registered. */
  public static PayloadCodec<?> forCode(int code) {
    PayloadCodec<?>[] codecs = byCode;
    return code > 0 && code < codecs.length ? codecs[code] : null;
  }

  /** The codec registered for exactly this class, or null when none is. */
  @SuppressWarnings("unchecked")
  public static <P extends Payload> PayloadCodec<P> forType(Class<P> type) {
    return (PayloadCodec<P>) BY_TYPE.get(type);
  }

  /**
   * Writes a payload's code and fields ({@link #NULL_CODE} alone for null).
   *
   * @throws IllegalArgumentException when no codec is registered for the payload's class
   */
  @SuppressWarnings("unchecked")
  public static void encode(Payload payload, WireWriter out) {
    if (payload == null) {
      out.writeVarInt(NULL_CODE);
      return;
    }
    PayloadCodec<Payload> codec = (PayloadCodec<Payload>) BY_TYPE.get(payload.getClass());
    if (codec == null) {
      throw new IllegalArgumentException("no PayloadCodec registered for payload class "
          + payload.getClass().getName() + "; register a PayloadCodec for it with PayloadCodecs.register(...)"
          + " on every node (user codes >= " + MIN_USER_CODE + ")");
    }
    out.writeVarInt(codec.code());
    codec.encode(payload, out);
  }

  /**
   * Reads a payload written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the code has no codec on this node
   */
  public static Payload decode(WireReader in) {
    int code = in.readVarInt();
    if (code == NULL_CODE) {
      return null;
    }
    PayloadCodec<?> codec = forCode(code);
    if (codec == null) {
      throw new IllegalArgumentException("unknown payload code " + code
          + "; register a PayloadCodec with this code on this node (PayloadCodecs.register)");
    }
    Payload payload = codec.decode(in);
    if (payload == null) {
      throw new IllegalStateException(describe(codec) + " decoded null");
    }
    return payload;
  }

  private static void add(PayloadCodec<?> codec) {
    synchronized (LOCK) {
      int code = codec.code();
      Class<?> type = codec.type();
      if (!Payload.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException("cannot register " + describe(codec) + ": " + type.getName()
            + " does not implement " + Payload.class.getName());
      }
      PayloadCodec<?> sameCode = forCode(code);
      if (sameCode != null) {
        throw new IllegalArgumentException("payload code " + code + " is already used by "
            + describe(sameCode) + "; cannot register " + describe(codec));
      }
      PayloadCodec<?> sameType = BY_TYPE.get(type);
      if (sameType != null) {
        throw new IllegalArgumentException("payload type " + type.getName() + " already has codec "
            + describe(sameType) + "; cannot register " + describe(codec));
      }
      PayloadCodec<?>[] codecs = byCode;
      if (code >= codecs.length) {
        codecs = Arrays.copyOf(codecs, Math.min(MAX_CODE + 1, Math.max(code + 1, codecs.length * 2)));
      } else {
        codecs = codecs.clone();
      }
      codecs[code] = codec;
      BY_TYPE.put(type, codec);
      byCode = codecs;
    }
  }

  private static String describe(PayloadCodec<?> codec) {
    Class<?> type = codec.type();
    return "the codec for " + (type == null ? "null" : type.getName()) + " (code " + codec.code() + ")";
  }
}
