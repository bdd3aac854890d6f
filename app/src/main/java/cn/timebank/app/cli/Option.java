package cn.timebank.app.cli;

/**
 * An option a command accepts: {@code --name VALUE} (or {@code --name=VALUE}) when it takes a
 * value, a bare {@code --name} flag otherwise.
 */
public record Option(String name, boolean takesValue, String description) {

  public Option {
    if (name == null || !name.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*")) {
      throw new IllegalArgumentException("option names are lower-case words: " + name);
    }
  }

  public static Option value(String name, String description) {
    return new Option(name, true, description);
  }

  public static Option flag(String name, String description) {
    return new Option(name, false, description);
  }
}
