package cn.timebank.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN.md, held by a test: the standard is plain Java and knows nothing of the
 * modules that use it; the record engine is pure; only the app is a Spring application.
 */
class ArchitectureTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.timebank");

  @Test
  void theStandardIsPlainJavaWithoutSpringOrADatabase() {
    noClasses()
        .that()
        .resideInAPackage("cn.timebank.standards..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
        .check(CLASSES);
  }

  @Test
  void theStandardKnowsNothingOfTheModulesThatUseIt() {
    noClasses()
        .that()
        .resideInAPackage("cn.timebank.standards..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.timebank.ledger..",
            "cn.timebank.ingestion..",
            "cn.timebank.simulator..",
            "cn.timebank.app..")
        .check(CLASSES);
  }

  @Test
  void theRecordEngineIsPureSoThatBatchAndStreamShareIt() {
    noClasses()
        .that()
        .resideInAPackage("cn.timebank.ingestion.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "cn.timebank.ledger..")
        .check(CLASSES);
  }

  @Test
  void theSimulatorIsAnOutsiderWithoutSpringOrTheRegulatorsStore() {
    noClasses()
        .that()
        .resideInAPackage("cn.timebank.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "cn.timebank.ledger..", "cn.timebank.ingestion..")
        .check(CLASSES);
  }

  @Test
  void onlyTheAppIsASpringBootApplication() {
    noClasses()
        .that()
        .resideOutsideOfPackage("cn.timebank.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.boot.autoconfigure..")
        .check(CLASSES);
  }
}
