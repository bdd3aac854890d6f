package cn.timebank.standards.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFileException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandardVersionsTests {

  private final HourStandard standard =
      StandardVersions.builtIn().inForceOn(LocalDate.of(2024, 1, 1));

  @Test
  void shipsTbhs2024_1WithEveryConfigNumberOfTheSpec() {
    assertThat(standard.version()).isEqualTo("TBHS-2024.1");
    assertThat(standard.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(standard.duration()).isEqualTo(new HourStandard.Duration(480, 15, 30));
    assertThat(standard.bands().night().from()).isEqualTo(LocalTime.of(22, 0));
    assertThat(standard.bands().night().to()).isEqualTo(LocalTime.of(6, 0));
    assertThat(standard.bands().night().factor()).isEqualByComparingTo("1.25");
    assertThat(standard.bands().holidayFactor()).isEqualByComparingTo("1.25");
    assertThat(standard.bands().stack()).isFalse();
    assertThat(standard.caps()).isEqualTo(new HourStandard.Caps(480, 1500));
    assertThat(standard.schedule())
        .isEqualTo(
            new HourStandard.Schedule(
                10, LocalTime.of(23, 59, 59), ZoneId.of("Asia/Shanghai"), 12, 3, 30));
    assertThat(standard.ages()).isEqualTo(new HourStandard.Ages(18, 60));
  }

  @Test
  void shipsTheTenCategoriesOfTheUnifiedCatalogue() {
    assertThat(standard.catalogue())
        .extracting(Category::code)
        .containsExactly(
            "LIVING_ASSIST",
            "PERSONAL_CARE",
            "MEDICAL_ESCORT",
            "EMOTIONAL_SUPPORT",
            "ERRANDS",
            "SAFETY_VISIT",
            "CULTURE_RECREATION",
            "HEALTH_EDUCATION",
            "TECH_HELP",
            "SKILLED_NURSING");
    assertThat(standard.category("PERSONAL_CARE"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.nameZh()).isEqualTo("助浴助洁·身体照护");
              assertThat(c.weight()).isEqualByComparingTo("1.5");
              assertThat(c.normMinutes()).isEqualTo(60);
              assertThat(c.certificate()).contains("CARE_BASIC");
            });
    assertThat(standard.category("SKILLED_NURSING").orElseThrow().certificate())
        .contains("NURSING_LICENSE");
    assertThat(standard.category("MEDICAL_ESCORT").orElseThrow().normMinutes()).isEqualTo(120);
    assertThat(standard.category("SAFETY_VISIT").orElseThrow().normMinutes()).isEqualTo(30);
    assertThat(standard.category("CULTURE_RECREATION").orElseThrow().weight())
        .isEqualTo(new BigDecimal("0.8"));
    assertThat(standard.category("LIVING_ASSIST").orElseThrow().certificate()).isEmpty();
    assertThat(standard.category("GARDENING")).isEqualTo(Optional.empty());
  }

  @Test
  void readsTheBuiltInStandardOnce() {
    assertThat(StandardVersions.builtIn()).isSameAs(StandardVersions.builtIn());
  }

  @Test
  void refusesADayBeforeTheFirstVersion() {
    assertThatThrownBy(() -> StandardVersions.builtIn().inForceOn(LocalDate.of(2023, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no hour standard is in force on 2023-12-31: the first, TBHS-2024.1, takes effect on"
                + " 2024-01-01");
  }

  @Test
  void appliesALaterVersionFromItsEffectiveDay() {
    StandardVersions versions = StandardVersions.load("hours/later/index.yaml");

    assertThat(versions.inForceOn(LocalDate.of(2026, 6, 30)).version()).isEqualTo("TBHS-2024.1");
    assertThat(versions.inForceOn(LocalDate.of(2026, 7, 1)).version()).isEqualTo("TBHS-2026.1");
    assertThat(versions.all()).extracting(HourStandard::version).hasSize(2);
    assertThat(versions.version("TBHS-2026.1").orElseThrow().caps().dailyCapMinutes())
        .isEqualTo(420);
  }

  @Test
  void refusesAnUnknownKeyNamingFileAndPath() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-unknown-key.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("hours/bad/unknown-key.yaml: $.bands.weekend_factor: unknown key");
  }

  @Test
  void refusesAMissingNumberNamingFileAndPath() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-missing-number.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "hours/bad/missing-number.yaml: $.duration.rounding_unit: is required but missing");
  }

  @Test
  void refusesANegativeNumberNamingFileAndPath() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-negative-number.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "hours/bad/negative-number.yaml: $.caps.daily_cap: must be a positive whole number"
                + " (was -480)");
  }

  @Test
  void refusesACategoryWithoutWeightNamingFileAndPath() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-category-without-weight.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "hours/bad/category-without-weight.yaml: $.catalogue[1].weight: is required but"
                + " missing");
  }

  @Test
  void refusesTwoVersionsTakingEffectOnTheSameDay() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-same-day.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "hours/bad/same-day.yaml: $.effective_from: has the same effective date 2024-01-01 as"
                + " TBHS-TEST.1: two versions cannot be in force on one day");
  }

  @Test
  void refusesAVersionOverlappingTheOneListedBeforeIt() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-overlap.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "hours/bad/earlier.yaml: $.effective_from: 2023-07-01 overlaps TBHS-TEST.1, listed"
                + " before it and in force from 2024-01-01: the index lists versions in order of"
                + " effective date");
  }

  @Test
  void refusesAnUnknownKeyInTheIndex() {
    assertThatThrownBy(() -> StandardVersions.load("hours/bad/index-unknown-key-in-index.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("hours/bad/index-unknown-key-in-index.yaml: $.version: unknown key");
  }
}
