package cn.timebank.simulator;

import cn.timebank.standards.model.AmountBasis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a simulation wrote.
 *
 * @param out the output directory
 * @param banks one summary per simulated bank
 * @param truthLines lines in {@code truth.jsonl} (expected codes)
 * @param badPackages broken packages in {@code out/bad}
 */
public record SimulationResult(
    Path out, List<BankSummary> banks, int truthLines, List<String> badPackages) {

  public SimulationResult {
    banks = List.copyOf(banks);
    badPackages = List.copyOf(badPackages);
  }

  /**
   * One bank.
   *
   * @param code bank code, e.g. {@code 310109-001}
   * @param name the bank's Chinese name
   * @param amountBasis how it states amounts
   * @param encoding {@code UTF-8} or {@code GB18030}
   * @param format {@code CSV} or {@code JSONL}
   * @param packages package names written (ZIP file or folder names)
   * @param records records per data file of its first package
   * @param servicesPerCategory services written per unified category code
   */
  public record BankSummary(
      String code,
      String name,
      AmountBasis amountBasis,
      String encoding,
      String format,
      List<String> packages,
      Map<String, Integer> records,
      Map<String, Integer> servicesPerCategory) {

    public BankSummary {
      packages = List.copyOf(packages);
      records = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(records));
      servicesPerCategory =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(servicesPerCategory));
    }
  }
}
