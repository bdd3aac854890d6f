package cn.timebank.app;

import cn.timebank.app.cli.CommandLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The time bank supervision platform. One application, many commands: {@code ./timebank demo},
 * {@code simulate}, ... (see {@link cn.timebank.app.cli.CommandLauncher}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TimebankApplication {

  public static void main(String[] args) {
    System.exit(new CommandLauncher(TimebankApplication.class).launch(args));
  }
}
