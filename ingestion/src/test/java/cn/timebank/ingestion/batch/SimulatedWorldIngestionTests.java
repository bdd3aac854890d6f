package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.SimulatedWorld;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The simulated world ingested on H2 (in memory), whose whole content can be dumped. */
@SpringBootTest(
    classes = IngestionTestApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:world;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
      "timebank.ingestion.data-dir=target/world-h2"
    })
class SimulatedWorldIngestionTests extends SimulatedWorldContract {

  @Test
  @Order(7)
  void keepsNoRawIdentityNumberAnywhereInTheDatabase() throws Exception {
    List<String> numbers = SimulatedWorld.idNumbers();
    String dump =
        String.join("\n", jdbc.sql("script nodata").query(String.class).list())
            + String.join("\n", jdbc.sql("script").query(String.class).list());

    assertThat(numbers).hasSizeGreaterThan(100);
    assertThat(numbers).noneMatch(dump::contains);
    assertThat(dump).contains("INSERT INTO \"PUBLIC\".\"PARTICIPANTS\"");
  }
}
