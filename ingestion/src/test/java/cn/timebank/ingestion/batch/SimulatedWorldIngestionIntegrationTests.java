package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The simulated world ingested on the real PostgreSQL, in a schema of its own. */
@SpringBootTest(
    classes = IngestionTestApplication.class,
    properties = "timebank.ingestion.data-dir=target/world-pg")
class SimulatedWorldIngestionIntegrationTests extends SimulatedWorldContract {

  private static final TestDatabase POSTGRES = TestDatabase.postgres();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", POSTGRES::url);
    registry.add("spring.datasource.username", POSTGRES::user);
  }

  @AfterAll
  static void dropSchema() {
    POSTGRES.close();
  }
}
