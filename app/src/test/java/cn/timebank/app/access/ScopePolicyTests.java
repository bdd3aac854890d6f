package cn.timebank.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import cn.timebank.app.report.ReportType;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scope rules on their own, for each role, including those the report endpoint will use. */
class ScopePolicyTests {

  static final Accessor OPERATOR =
      new Accessor("op", Role.BANK_OPERATOR, Set.of("310109-001"), null, "t1");
  static final Accessor REVIEWER =
      new Accessor("rev", Role.CIVIL_AFFAIRS_REVIEWER, Set.of(), "3101", "t2");
  static final Accessor POLICYMAKER = new Accessor("pol", Role.POLICYMAKER, Set.of(), null, "t3");
  static final Accessor ADMIN = new Accessor("adm", Role.ADMIN, Set.of(), null, "t4");

  final RegistryStore registry = mock(RegistryStore.class);
  final ScopePolicy policy = new ScopePolicy(registry);

  @BeforeEach
  void registry() {
    given(registry.find(any())).willReturn(Optional.empty());
    for (String bank : new String[] {"310109-001", "310115-002", "440305-001"}) {
      BankRegistryEntry entry = mock(BankRegistryEntry.class);
      given(entry.regionCode()).willReturn(bank.substring(0, 6));
      given(registry.find(BankCode.of(bank))).willReturn(Optional.of(entry));
    }
  }

  @Test
  void letsEachRoleSeeTheBanksOfItsScope() {
    assertThat(policy.canSeeBank(OPERATOR, "310109-001")).isTrue();
    assertThat(policy.canSeeBank(OPERATOR, "310115-002")).isFalse();
    assertThat(policy.canSeeBank(REVIEWER, "310115-002")).isTrue();
    assertThat(policy.canSeeBank(REVIEWER, "440305-001")).isFalse();
    assertThat(policy.canSeeBank(REVIEWER, "310199-001")).as("not registered").isFalse();
    assertThat(policy.canSeeBank(REVIEWER, "not a code")).isFalse();
    assertThat(policy.canSeeBank(POLICYMAKER, "310109-001")).isFalse();
    assertThat(policy.canSeeBank(ADMIN, "440305-001")).isTrue();
    assertThat(policy.canSeeBank(OPERATOR, null)).isFalse();
    assertThat(policy.canSeeBank(ADMIN, null)).isTrue();
  }

  @Test
  void letsReviewersSeeTheRegionsUnderTheirPrefixAndPolicymakersAll() {
    assertThat(ScopePolicy.canSeeRegion(REVIEWER, "310109")).isTrue();
    assertThat(ScopePolicy.canSeeRegion(REVIEWER, "31")).as("wider than its prefix").isFalse();
    assertThat(ScopePolicy.canSeeRegion(REVIEWER, null)).isFalse();
    assertThat(ScopePolicy.canSeeRegion(POLICYMAKER, null)).isTrue();
    assertThat(ScopePolicy.canSeeRegion(POLICYMAKER, "44")).isTrue();
    assertThat(ScopePolicy.canSeeRegion(OPERATOR, "310109")).isFalse();
    assertThat(ScopePolicy.mayFetchParticipantData(POLICYMAKER)).isFalse();
    assertThat(ScopePolicy.mayFetchParticipantData(OPERATOR)).isTrue();
  }

  @Test
  void decidesReportsByTypeRoleAndScope() {
    assertThat(ScopePolicy.mayRequestReport(POLICYMAKER, ReportType.POLICY)).isTrue();
    assertThat(ScopePolicy.mayRequestReport(POLICYMAKER, ReportType.STATEMENT)).isFalse();
    assertThat(ScopePolicy.mayRequestReport(POLICYMAKER, ReportType.COMPLIANCE)).isFalse();
    assertThat(ScopePolicy.mayRequestReport(OPERATOR, ReportType.OVERVIEW)).isFalse();
    assertThat(policy.canSeeReport(OPERATOR, ReportType.STATEMENT, "310109-001", null)).isTrue();
    assertThat(policy.canSeeReport(OPERATOR, ReportType.RECEIPT, "310115-002", null)).isFalse();
    assertThat(policy.canSeeReport(REVIEWER, ReportType.COMPLIANCE, "310115-002", null)).isTrue();
    assertThat(policy.canSeeReport(REVIEWER, ReportType.OVERVIEW, null, "310115")).isTrue();
    assertThat(policy.canSeeReport(REVIEWER, ReportType.OVERVIEW, null, "44")).isFalse();
    assertThat(policy.canSeeReport(REVIEWER, ReportType.OVERVIEW, null, null)).isFalse();
    assertThat(policy.canSeeReport(POLICYMAKER, ReportType.OVERVIEW, null, null)).isTrue();
    assertThat(policy.canSeeReport(POLICYMAKER, ReportType.STATEMENT, "310109-001", null))
        .isFalse();
    assertThat(policy.canSeeReport(ADMIN, ReportType.STATEMENT, "440305-001", null)).isTrue();
  }

  @Test
  void refusesACallerWhoseScopeDoesNotFitItsRole() {
    assertThatThrownBy(() -> new Accessor("x", Role.BANK_OPERATOR, Set.of(), null, "c"))
        .hasMessageContaining("at least one --bank");
    assertThatThrownBy(() -> new Accessor("x", Role.CIVIL_AFFAIRS_REVIEWER, Set.of(), null, "c"))
        .hasMessageContaining("--region");
    assertThatThrownBy(() -> new Accessor("x", Role.ADMIN, Set.of(), "31", "c"))
        .hasMessageContaining("neither");
    assertThatThrownBy(() -> new Accessor("x", Role.BANK_OPERATOR, Set.of("31"), null, "c"))
        .hasMessageContaining("310109-001");
    assertThatThrownBy(() -> new Accessor("x", Role.CIVIL_AFFAIRS_REVIEWER, Set.of(), "3a", "c"))
        .hasMessageContaining("1 to 6 digits");
  }
}
