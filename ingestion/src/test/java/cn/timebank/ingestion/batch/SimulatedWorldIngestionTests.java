package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.IngestionTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The simulated world ingested on H2 (in memory). */
@SpringBootTest(
    classes = IngestionTestApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:world;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
      "timebank.ingestion.data-dir=target/world-h2"
    })
class SimulatedWorldIngestionTests extends SimulatedWorldContract {}
