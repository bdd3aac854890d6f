package cn.timebank.ingestion.verify;

/**
 * A package of a bank and period received earlier and not rejected (its receipt was not RJCT).
 *
 * @param receiptId the receipt's {@code package_id}
 */
public record PriorPackage(int sequence, String sha256, String receiptId) {

  public PriorPackage {
    if (sequence < 1 || sha256 == null || receiptId == null) {
      throw new IllegalArgumentException("sequence >= 1, sha256 and receiptId are required");
    }
  }
}
