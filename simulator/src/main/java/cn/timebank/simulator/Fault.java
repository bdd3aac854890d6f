package cn.timebank.simulator;

/**
 * The result code a record is expected to get, and why: an injected fault ({@code fault}), a
 * planted pattern ({@code pattern:...}) or a bad package ({@code bad-package}).
 */
record Fault(String code, String field, String source, String note) {

  static Fault injected(String code, String field, String note) {
    return new Fault(code, field, "fault", note);
  }

  static Fault pattern(String code, String field, String pattern, String note) {
    return new Fault(code, field, "pattern:" + pattern, note);
  }
}
