package cn.timebank.app.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed arguments of one command: positional arguments and options. */
public final class CommandLine {

  private final String command;
  private final List<String> positional;
  private final Map<String, String> values;
  private final Map<String, List<String>> repeated;

  private CommandLine(
      String command,
      List<String> positional,
      Map<String, String> values,
      Map<String, List<String>> repeated) {
    this.command = command;
    this.positional = List.copyOf(positional);
    this.values = Collections.unmodifiableMap(values);
    this.repeated = Collections.unmodifiableMap(repeated);
  }

  /**
   * Parses {@code args} (without the command name) against the options of a command. Options with a
   * dot in their name ({@code --kafka.bootstrap-servers=...}) are Spring properties and pass
   * through. {@code --data-dir} is global.
   */
  public static CommandLine parse(String command, List<Option> options, List<String> args) {
    Map<String, Option> known = new LinkedHashMap<>();
    for (Option option : options) {
      known.put(option.name(), option);
    }
    known.put("data-dir", Option.value("data-dir", "the data directory"));
    List<String> positional = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, List<String>> repeated = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = known.get(name);
      if (option == null) {
        if (name.contains(".") && inline != null) {
          continue; // a Spring property, e.g. --spring.datasource.url=...
        }
        throw new UsageException("unknown option --" + name + " for '" + command + "'");
      }
      if (!option.takesValue()) {
        if (inline != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        values.put(name, "true");
      } else if (inline != null) {
        values.put(name, inline);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        values.put(name, args.get(++i));
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (option.takesValue()) {
        repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(values.get(name));
      }
    }
    return new CommandLine(command, positional, values, repeated);
  }

  public String command() {
    return command;
  }

  public List<String> positional() {
    return positional;
  }

  /** The positional argument at {@code index}, or a usage error naming it. */
  public String argument(int index, String name) {
    if (index >= positional.size()) {
      throw new UsageException("missing " + name);
    }
    if (positional.get(index).isBlank()) {
      throw new UsageException(name + " must not be empty");
    }
    return positional.get(index);
  }

  public Optional<String> value(String option) {
    return Optional.ofNullable(values.get(option));
  }

  /** Every value of an option given more than once ({@code --bank A --bank B}), in order. */
  public List<String> values(String option) {
    return List.copyOf(repeated.getOrDefault(option, List.of()));
  }

  public String required(String option) {
    return value(option).orElseThrow(() -> new UsageException("--" + option + " is required"));
  }

  public boolean flag(String option) {
    return values.containsKey(option);
  }

  public int intValue(String option, int defaultValue) {
    return value(option).map(v -> parseInt(option, v)).orElse(defaultValue);
  }

  public long longValue(String option, long defaultValue) {
    return value(option).map(v -> parseLong(option, v)).orElse(defaultValue);
  }

  public double doubleValue(String option, double defaultValue) {
    return value(option)
        .map(
            v -> {
              try {
                return Double.parseDouble(v);
              } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " must be a number (was '" + v + "')");
              }
            })
        .orElse(defaultValue);
  }

  public Optional<YearMonth> period(String option) {
    return value(option)
        .map(
            v -> {
              try {
                return YearMonth.parse(v);
              } catch (DateTimeParseException e) {
                throw new UsageException("--" + option + " must be YYYY-MM (was '" + v + "')");
              }
            });
  }

  public Path path(String option, String defaultValue) {
    return Path.of(value(option).orElse(defaultValue));
  }

  private static int parseInt(String option, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " must be a whole number (was '" + v + "')");
    }
  }

  private static long parseLong(String option, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " must be a whole number (was '" + v + "')");
    }
  }
}
