package cn.timebank.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;

/** Assertions on outcomes. */
final class Outcomes {

  private Outcomes() {}

  static Outcome.Rejected rejected(Outcome outcome, ResultCode code) {
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    assertThat(rejected.code()).as(rejected.detail()).isEqualTo(code);
    return rejected;
  }

  static Outcome.Accepted accepted(Outcome outcome, ResultCode... warnings) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(Outcome.Accepted.class);
    Outcome.Accepted accepted = (Outcome.Accepted) outcome;
    assertThat(accepted.warnings()).containsExactly(warnings);
    return accepted;
  }
}
