package cn.timebank.ingestion.stream;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for the topology's own values (the store values, the internal ordered
 * topic, {@link Topics#RECORDS}): records written component by component in declaration order,
 * without names. Strings as UTF-8 with a length; enums by name (a reordered enum still reads);
 * times as numbers; {@code Optional}, lists, sets and maps with a presence byte or a count; a
 * sealed interface's value with the simple name of its record. Every reference value carries a
 * presence byte, so {@code null} reads back as {@code null}. A value reads back equal to what was
 * written: the records' canonical constructors build it, as the JSON reader did.
 *
 * <p>Every value starts with the format byte {@link #FORMAT}: a value of another format (the JSON
 * of earlier versions starts with {@code '{'} or {@code '['}) fails to read with a clear message
 * instead of reading wrong; state written by an earlier version is rebuilt by resetting the
 * application.
 *
 * <p>Supported: {@code String}, {@code boolean}, {@code int}, {@code long} (and their boxes),
 * enums, {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code YearMonth}, {@code
 * BigDecimal}, {@code Optional}, {@code List}, {@code Set}, {@code Map}, records and sealed
 * interfaces of records. Any other type fails when the serde is made, not when a value is written.
 */
final class BinarySerde {

  /** The first byte of every value: the version of this format. */
  static final byte FORMAT = (byte) 0xB1;

  private static final Map<Type, Codec<?>> CODECS = new ConcurrentHashMap<>();

  private BinarySerde() {}

  static <T> Serde<T> of(Class<T> type) {
    return of((Type) type);
  }

  @SuppressWarnings("unchecked")
  static <T> Serde<T> of(Type type) {
    Codec<T> codec = (Codec<T>) codec(type);
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          Out out = new Out();
          try {
            out.writeByte(FORMAT);
            codec.write(out, value);
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + type, e);
          }
          return out.toByteArray();
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException(
                "not a value of this format (first byte "
                    + (bytes.length == 0 ? "none" : bytes[0])
                    + ", expected "
                    + FORMAT
                    + "): state written by an earlier version? reset the application");
          }
          try {
            return codec.read(new In(bytes, 1));
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type, e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** A growing byte buffer (not synchronised, unlike {@code ByteArrayOutputStream}). */
  static final class Out {

    private byte[] bytes = new byte[256];
    private int length;

    private void room(int n) {
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }

    void writeByte(int b) {
      room(1);
      bytes[length++] = (byte) b;
    }

    void writeBoolean(boolean b) {
      writeByte(b ? 1 : 0);
    }

    void writeInt(int v) {
      room(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (v >>> shift);
      }
    }

    void writeLong(long v) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (v >>> shift);
      }
    }

    void write(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }
  }

  /** Reads a byte array from a position on. */
  static final class In {

    private final byte[] bytes;
    private int position;

    In(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    private void need(int n) throws EOFException {
      if (position + n > bytes.length) {
        throw new EOFException("the value ends early");
      }
    }

    byte readByte() throws EOFException {
      need(1);
      return bytes[position++];
    }

    int readUnsignedByte() throws EOFException {
      return readByte() & 0xFF;
    }

    boolean readBoolean() throws EOFException {
      return readByte() != 0;
    }

    int readInt() throws EOFException {
      need(4);
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | (bytes[position++] & 0xFF);
      }
      return v;
    }

    long readLong() throws EOFException {
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (bytes[position++] & 0xFF);
      }
      return v;
    }

    String readUtf8(int n) throws EOFException {
      need(n);
      String s = new String(bytes, position, n, StandardCharsets.UTF_8);
      position += n;
      return s;
    }
  }

  /** Writes and reads one type's values (without the presence byte). */
  private interface Codec<T> {
    void write(Out out, T value) throws IOException;

    T read(In in) throws IOException;
  }

  private static Codec<?> codec(Type type) {
    Codec<?> known = CODECS.get(type);
    if (known != null) {
      return known;
    }
    Codec<?> made = make(type);
    CODECS.putIfAbsent(type, made);
    return made;
  }

  /** The codec of a component or element: primitives as they are, references nullable. */
  private static Codec<Object> component(Type type) {
    @SuppressWarnings("unchecked")
    Codec<Object> inner = (Codec<Object>) codec(type);
    if (type instanceof Class<?> c && c.isPrimitive()) {
      return inner;
    }
    return new Codec<>() {
      @Override
      public void write(Out out, Object value) throws IOException {
        if (value == null) {
          out.writeByte(0);
        } else {
          out.writeByte(1);
          inner.write(out, value);
        }
      }

      @Override
      public Object read(In in) throws IOException {
        return in.readByte() == 0 ? null : inner.read(in);
      }
    };
  }

  private static Codec<?> make(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return optional(component(args[0]));
      }
      if (raw == List.class || raw == Collection.class) {
        return collection(component(args[0]), false);
      }
      if (raw == Set.class) {
        return collection(component(args[0]), true);
      }
      if (raw == Map.class) {
        return map(component(args[0]), component(args[1]));
      }
    }
    if (type instanceof Class<?> c) {
      Codec<?> simple = simple(c);
      if (simple != null) {
        return simple;
      }
      if (c.isEnum()) {
        return enumOf(c);
      }
      if (c.isRecord()) {
        return record(c);
      }
      if (c.isSealed()) {
        return sealed(c);
      }
    }
    throw new IllegalArgumentException("no binary form for " + type);
  }

  private static Codec<?> simple(Class<?> c) {
    if (c == String.class) {
      return codecOf(BinarySerde::writeString, BinarySerde::readString);
    }
    if (c == boolean.class || c == Boolean.class) {
      return codecOf(Out::writeBoolean, In::readBoolean);
    }
    if (c == int.class || c == Integer.class) {
      return codecOf(Out::writeInt, In::readInt);
    }
    if (c == long.class || c == Long.class) {
      return codecOf(Out::writeLong, In::readLong);
    }
    if (c == LocalDate.class) {
      return codecOf(
          (Out out, LocalDate d) -> out.writeLong(d.toEpochDay()),
          in -> LocalDate.ofEpochDay(in.readLong()));
    }
    if (c == LocalDateTime.class) {
      return codecOf(
          (Out out, LocalDateTime t) -> {
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
          },
          in -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), nanoOfDay(in.readLong())));
    }
    if (c == Instant.class) {
      return codecOf(
          (Out out, Instant t) -> {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
          },
          in -> Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }
    if (c == YearMonth.class) {
      return codecOf(
          (Out out, YearMonth m) -> {
            out.writeInt(m.getYear());
            out.writeByte(m.getMonthValue());
          },
          in -> YearMonth.of(in.readInt(), in.readByte()));
    }
    if (c == BigDecimal.class) {
      return codecOf(
          (Out out, BigDecimal d) -> writeString(out, d.toString()),
          in -> new BigDecimal(readString(in)));
    }
    return null;
  }

  private static LocalTime nanoOfDay(long nanos) {
    return LocalTime.ofNanoOfDay(nanos);
  }

  private interface Writer<T> {
    void write(Out out, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(In in) throws IOException;
  }

  private static <T> Codec<T> codecOf(Writer<T> writer, Reader<T> reader) {
    return new Codec<>() {
      @Override
      public void write(Out out, T value) throws IOException {
        writer.write(out, value);
      }

      @Override
      public T read(In in) throws IOException {
        return reader.read(in);
      }
    };
  }

  private static void writeString(Out out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeCount(out, utf8.length);
    out.write(utf8);
  }

  private static String readString(In in) throws IOException {
    return in.readUtf8(readCount(in));
  }

  /** A non-negative count in 7-bit groups, low first. */
  private static void writeCount(Out out, int count) throws IOException {
    int rest = count;
    while ((rest & ~0x7F) != 0) {
      out.writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.writeByte(rest);
  }

  private static int readCount(In in) throws IOException {
    int count = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      count |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (count < 0) {
          throw new IOException("negative count");
        }
        return count;
      }
    }
    throw new IOException("count too long");
  }

  private static Codec<Optional<Object>> optional(Codec<Object> element) {
    return codecOf(
        (out, value) -> {
          out.writeBoolean(value.isPresent());
          if (value.isPresent()) {
            element.write(out, value.get());
          }
        },
        in -> in.readBoolean() ? Optional.ofNullable(element.read(in)) : Optional.empty());
  }

  private static Codec<Collection<Object>> collection(Codec<Object> element, boolean set) {
    return codecOf(
        (out, values) -> {
          writeCount(out, values.size());
          for (Object value : values) {
            element.write(out, value);
          }
        },
        in -> {
          int size = readCount(in);
          Collection<Object> values = set ? new LinkedHashSet<>() : new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            values.add(element.read(in));
          }
          return values;
        });
  }

  private static Codec<Map<Object, Object>> map(Codec<Object> keys, Codec<Object> values) {
    return codecOf(
        (out, map) -> {
          writeCount(out, map.size());
          for (Map.Entry<Object, Object> entry : map.entrySet()) {
            keys.write(out, entry.getKey());
            values.write(out, entry.getValue());
          }
        },
        in -> {
          int size = readCount(in);
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < size; i++) {
            Object key = keys.read(in);
            map.put(key, values.read(in));
          }
          return map;
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Codec<?> enumOf(Class<?> type) {
    Map<String, Object> byName = new HashMap<>();
    for (Object constant : type.getEnumConstants()) {
      byName.put(((Enum<?>) constant).name(), constant);
    }
    return codecOf(
        (Out out, Object value) -> writeString(out, ((Enum) value).name()),
        in -> {
          String name = readString(in);
          Object constant = byName.get(name);
          if (constant == null) {
            throw new IOException("no " + type.getSimpleName() + " " + name);
          }
          return constant;
        });
  }

  private static Codec<?> record(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] accessors = new Function[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    List<Codec<Object>> codecs = new ArrayList<>(components.length);
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle constructor;
    try {
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        accessors[i] = accessor(type, accessor, lookup);
        parameterTypes[i] = components[i].getType();
        codecs.add(component(components[i].getGenericType()));
      }
      Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      constructor =
          lookup
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no binary form for " + type, e);
    }
    return new Codec<Object>() {
      @Override
      public void write(Out out, Object value) throws IOException {
        for (int i = 0; i < accessors.length; i++) {
          codecs.get(i).write(out, accessors[i].apply(value));
        }
      }

      @Override
      public Object read(In in) throws IOException {
        Object[] parts = new Object[accessors.length];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = codecs.get(i).read(in);
        }
        try {
          return constructor.invokeExact(parts);
        } catch (Throwable e) {
          throw rethrown(e);
        }
      }
    };
  }

  /**
   * A record component's accessor as a function: a lambda made by {@link LambdaMetafactory}, which
   * the JIT compiles like a direct call (a method handle held in an array is not a constant to it,
   * and is invoked through checks on every call); the method handle itself where no lambda can be
   * made for the class.
   */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object> accessor(
      Class<?> type, Method accessor, MethodHandles.Lookup lookup) throws IllegalAccessException {
    try {
      MethodHandles.Lookup owner = MethodHandles.privateLookupIn(type, lookup);
      MethodHandle target = owner.unreflect(accessor);
      return (Function<Object, Object>)
          LambdaMetafactory.metafactory(
                  owner,
                  "apply",
                  MethodType.methodType(Function.class),
                  MethodType.methodType(Object.class, Object.class),
                  target,
                  target.type().wrap())
              .getTarget()
              .invoke();
    } catch (Throwable e) {
      MethodHandle handle =
          lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
      return value -> {
        try {
          return handle.invokeExact(value);
        } catch (Throwable t) {
          throw rethrown(t);
        }
      };
    }
  }

  private static RuntimeException rethrown(Throwable e) {
    if (e instanceof RuntimeException r) {
      return r;
    }
    if (e instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(e);
  }

  private static Codec<?> sealed(Class<?> type) {
    Map<String, Codec<Object>> byName = new HashMap<>();
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      if (!permitted.isRecord()) {
        throw new IllegalArgumentException("no binary form for " + permitted);
      }
      @SuppressWarnings("unchecked")
      Codec<Object> codec = (Codec<Object>) codec(permitted);
      byName.put(permitted.getSimpleName(), codec);
    }
    return new Codec<Object>() {
      @Override
      public void write(Out out, Object value) throws IOException {
        String name = value.getClass().getSimpleName();
        Codec<Object> codec = byName.get(name);
        if (codec == null) {
          throw new IOException("not a " + type.getSimpleName() + ": " + value.getClass());
        }
        writeString(out, name);
        codec.write(out, value);
      }

      @Override
      public Object read(In in) throws IOException {
        String name = readString(in);
        Codec<Object> codec = byName.get(name);
        if (codec == null) {
          throw new IOException("no " + type.getSimpleName() + " " + name);
        }
        return codec.read(in);
      }
    };
  }
}
