package cn.timebank.app.cli;

/**
 * The command line is wrong (unknown command or option, missing or malformed value). The launcher
 * prints the message with the usage of the command and exits with code 2, never a stack trace.
 */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
