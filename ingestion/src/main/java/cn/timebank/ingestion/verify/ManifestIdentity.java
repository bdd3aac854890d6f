package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
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

  /** Read leniently from the manifest's bytes (see above). */
  static ManifestIdentity readable(byte[] manifest) {
    JsonNode root;
    try {
      root = JSON.readTree(manifest);
    } catch (RuntimeException e) {
      return NONE;
    }
    if (root == null || !root.isObject()) {
      return NONE;
    }
    JsonNode bank = root.get("bank_code");
    JsonNode period = root.get("period");
    JsonNode sequence = root.get("sequence");
    return new ManifestIdentity(
        bank != null && bank.isString() && BankCode.isValid(bank.asString())
            ? bank.asString()
            : null,
        period != null && period.isString() && isPeriod(period.asString())
            ? period.asString()
            : null,
        sequence != null
                && sequence.isIntegralNumber()
                && sequence.canConvertToInt()
                && sequence.asInt() >= 1
            ? sequence.asInt()
            : null);
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
