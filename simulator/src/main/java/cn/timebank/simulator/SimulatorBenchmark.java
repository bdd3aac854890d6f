package cn.timebank.simulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Measures the simulator: services written per second and the peak heap. Run with a small heap to
 * check that services are streamed:
 *
 * <pre>
 * java -Xmx256m -cp simulator/target/classes:standards/target/classes \
 *     cn.timebank.simulator.SimulatorBenchmark [services] [participants] [out]
 * </pre>
 *
 * Defaults: 1,000,000 services, 100,000 participants, 8 banks, 2 % faults, a temporary directory.
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws IOException {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int participants = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path out =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("simulator-benchmark");
    SimulationOptions options =
        new SimulationOptions(
            8, participants, services, YearMonth.of(2026, 9), 1, out, false, 0.02, true);
    resetPeaks();
    long started = System.nanoTime();
    SimulationResult result = Simulator.run(options);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%d services, %d participants, %d banks in %.1f s: %.0f services/s; peak used heap %d MB"
            + " (max %d MB); truth lines %d; output %s%n",
        services,
        participants,
        result.banks().size(),
        seconds,
        services / seconds,
        peakHeap() / (1024 * 1024),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        result.truthLines(),
        out);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since {@link #resetPeaks()}: an upper bound. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
