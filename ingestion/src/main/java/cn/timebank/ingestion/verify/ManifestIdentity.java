package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever of bank, period and sequence a package's manifest states: what the receipt of a package
 * rejected whole shows (spec §5: "whatever of bank, period and sequence could be read"), and what a
 * caller's scope is checked against before an upload is ingested. From a manifest read strictly,
 * all three as written; from one the strict reader refused (P001) or of a package refused on
 * opening (P009), each one only when it is well-formed on its own — a bank code of the registry's
 * form, a period {@code YYYY-MM}, a whole number ≥ 1 — and none when the text is no JSON object.
 */
public record ManifestIdentity(
    @Nullable String bankCode, @Nullable String period, @Nullable Integer sequence) {

  /** Nothing could be read. */
  public static final ManifestIdentity NONE = new ManifestIdentity(null, null, null);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ManifestIdentity of(Manifest manifest) {
    return new ManifestIdentity(
        manifest.bankCode().value(), manifest.period(), manifest.sequence());
  }

  /**
   * Read leniently from the manifest's bytes (see above), token by token: a manifest cut short (or
   * with text after its object) still gives the fields that stand whole before the break — a string
   * once its closing quote is read, a number once something follows its digits (a number cut in its
   * digits would read as another). A field given twice counts as its last value, as a JSON tree
   * reads it.
   */
  static ManifestIdentity readable(byte[] manifest) {
    Map<String, @Nullable Object> read = new HashMap<>();
    try (JsonParser parser = JSON.createParser(manifest)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
          read.put(name, parser.getString());
        } else if (token == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() == JsonParser.NumberType.INT) {
          int number = parser.getIntValue();
          if (parser.currentLocation().getByteOffset() >= manifest.length) {
            break; // the digits end with the text: maybe cut
          }
          read.put(name, number);
        } else {
          parser.skipChildren(); // an object or array: no value of ours
          read.put(name, null);
        }
      }
    } catch (RuntimeException cut) {
      // the manifest breaks off here: what was read whole before stands
    }
    Object bank = read.get("bank_code");
    Object period = read.get("period");
    Object sequence = read.get("sequence");
    return new ManifestIdentity(
        bank instanceof String b && BankCode.isValid(b) ? b : null,
        period instanceof String p && isPeriod(p) ? p : null,
        sequence instanceof Integer n && n >= 1 ? n : null);
  }

  /**
   * The identity of an uploaded package as the verifier will see it: of its manifest read strictly,
   * else read leniently; {@link #NONE} when the package is refused on opening without a readable
   * manifest or cannot be opened.
   */
  public static ManifestIdentity of(OpenedPackage opened, int maxManifestBytes) {
    if (opened.refusal().isPresent()) {
      return opened.refusal().get().identity();
    }
    try (InputStream in = opened.open(PackageNames.MANIFEST)) {
      byte[] bytes = in.readNBytes(maxManifestBytes + 1);
      if (bytes.length > maxManifestBytes) {
        return NONE;
      }
      try {
        return of(ManifestReader.read(bytes));
      } catch (Rejection refused) {
        return readable(bytes);
      }
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  private static boolean isPeriod(String text) {
    if (text.length() != 7) {
      return false;
    }
    try {
      Period.parse(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
