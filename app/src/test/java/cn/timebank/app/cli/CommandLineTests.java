package cn.timebank.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTests {

  private static final List<Option> OPTIONS =
      List.of(
          Option.value("banks", "number of banks"),
          Option.value("period", "the period"),
          Option.flag("folders", "folders instead of ZIP files"));

  @Test
  void readsValuesWithSpaceOrEqualsFlagsAndPositionals() {
    CommandLine line =
        CommandLine.parse(
            "simulate",
            OPTIONS,
            List.of("pkg.zip", "--banks", "8", "--period=2026-10", "--folders", "--data-dir", "d"));

    assertThat(line.positional()).containsExactly("pkg.zip");
    assertThat(line.intValue("banks", 1)).isEqualTo(8);
    assertThat(line.period("period")).contains(YearMonth.of(2026, 10));
    assertThat(line.flag("folders")).isTrue();
    assertThat(line.path("data-dir", "data")).isEqualTo(Path.of("d"));
  }

  @Test
  void anEmptyArgumentIsAUsageError() {
    CommandLine line = CommandLine.parse("receipt", List.of(), List.of(" "));

    assertThatThrownBy(() -> line.argument(0, "the PACKAGE_ID"))
        .isInstanceOf(UsageException.class)
        .hasMessage("the PACKAGE_ID must not be empty");
  }

  @Test
  void rejectsAnUnknownOptionNamingIt() {
    assertThatThrownBy(() -> CommandLine.parse("simulate", OPTIONS, List.of("--bankz", "3")))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --bankz for 'simulate'");
  }

  @Test
  void rejectsAMissingValue() {
    assertThatThrownBy(() -> CommandLine.parse("simulate", OPTIONS, List.of("--banks")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--banks needs a value");
  }

  @Test
  void rejectsAMalformedNumberAndPeriodWithTheirValue() {
    CommandLine line =
        CommandLine.parse("simulate", OPTIONS, List.of("--banks", "eight", "--period", "2026-13"));

    assertThatThrownBy(() -> line.intValue("banks", 1))
        .hasMessage("--banks must be a whole number (was 'eight')");
    assertThatThrownBy(() -> line.period("period"))
        .hasMessage("--period must be YYYY-MM (was '2026-13')");
  }

  @Test
  void letsSpringPropertiesPassThrough() {
    CommandLine line =
        CommandLine.parse(
            "serve", OPTIONS, List.of("--kafka.bootstrap-servers=broker:9092", "--banks=2"));

    assertThat(line.intValue("banks", 1)).isEqualTo(2);
    assertThat(line.value("kafka.bootstrap-servers")).isEmpty();
  }

  @Test
  void findsTheDataDirectoryBeforeTheContextStarts() {
    assertThat(CommandLauncher.dataDir(List.of("x", "--data-dir", "/tmp/a")))
        .isEqualTo(Path.of("/tmp/a"));
    assertThat(CommandLauncher.dataDir(List.of("--data-dir=/tmp/b"))).isEqualTo(Path.of("/tmp/b"));
    assertThat(CommandLauncher.dataDir(List.of())).isEqualTo(Path.of("data"));
  }
}
