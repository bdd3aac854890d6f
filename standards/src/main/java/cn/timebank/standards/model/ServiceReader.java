package cn.timebank.standards.model;

import static cn.timebank.standards.model.RawFields.Need.OPTIONAL;
import static cn.timebank.standards.model.RawFields.Need.REQUIRED;

import cn.timebank.standards.codes.ResultCode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a SERVICES record (spec §2) of one bank, whose registered {@link AmountBasis} decides two
 * requirements: {@code end} is required unless the basis is PER_SERVICE, {@code local_amount} is
 * required for COINS and PER_SERVICE.
 *
 * <p>Required (R101 when empty): {@code service_ref}, {@code provider_ref}, {@code recipient_ref},
 * {@code local_category}, {@code start}, {@code funding}, {@code status}, {@code verification}
 * (decision: every bank knows how a service was confirmed, and credit scoring weighs it); {@code
 * end} and {@code local_amount} as above. Optional: {@code rating} (whole, 1-5), {@code
 * location_region} (6 digits), {@code recorded_at}. {@code local_amount} must be > 0 and, for a
 * PER_SERVICE bank (a count of services), whole (R102 otherwise); an amount a DURATION bank sends
 * anyway is read and kept, not used.
 */
public final class ServiceReader implements RecordReader<Service> {

  private final BankCode bank;
  private final AmountBasis basis;

  public ServiceReader(BankCode bank, AmountBasis basis) {
    this.bank = Checks.present(bank, "bank_code");
    this.basis = Checks.present(basis, "amount_basis");
  }

  @Override
  public FileType fileType() {
    return FileType.SERVICES;
  }

  @Override
  public ReadResult<Service> read(Map<String, String> raw) {
    RawFields f = new RawFields(raw);
    Optional<String> ref = f.ref("service_ref", REQUIRED);
    Optional<String> provider = f.ref("provider_ref", REQUIRED);
    Optional<String> recipient = f.ref("recipient_ref", REQUIRED);
    Optional<String> category = f.ref("local_category", REQUIRED);
    Optional<LocalDateTime> start = f.timestamp("start", REQUIRED);
    Optional<LocalDateTime> end =
        f.timestamp("end", basis == AmountBasis.PER_SERVICE ? OPTIONAL : REQUIRED);
    Optional<BigDecimal> amount =
        f.positiveDecimal("local_amount", basis == AmountBasis.DURATION ? OPTIONAL : REQUIRED);
    if (basis == AmountBasis.PER_SERVICE
        && amount.isPresent()
        && amount.get().stripTrailingZeros().scale() > 0) {
      f.problem(
          "local_amount",
          ResultCode.R102,
          "must be a whole count of services for a PER_SERVICE bank (was "
              + amount.get().toPlainString()
              + ")");
    }
    Optional<Funding> funding = f.enumValue("funding", Funding.class, REQUIRED);
    Optional<ServiceStatus> status = f.enumValue("status", ServiceStatus.class, REQUIRED);
    Optional<Verification> verification = f.enumValue("verification", Verification.class, REQUIRED);
    Optional<Long> rating = f.whole("rating", 1, 5, OPTIONAL);
    Optional<String> location = f.region("location_region", OPTIONAL);
    Optional<LocalDateTime> recordedAt = f.timestamp("recorded_at", OPTIONAL);
    if (f.hasProblems()) {
      return ReadResult.rejected(f.problems());
    }
    return ReadResult.accepted(
        new Service(
            bank,
            ref.orElseThrow(),
            provider.orElseThrow(),
            recipient.orElseThrow(),
            category.orElseThrow(),
            start.orElseThrow(),
            end,
            amount,
            funding.orElseThrow(),
            status.orElseThrow(),
            verification.orElseThrow(),
            rating.map(Long::intValue),
            location,
            recordedAt));
  }
}
