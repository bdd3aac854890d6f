package cn.timebank.ingestion.stream.sink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiveLedgerTests {

  @Test
  void namesTheAddressWhenNoBrokerAnswers() {
    // Port 1 on this host: nothing listens there; the start gives up after its admin timeout.
    assertThatThrownBy(() -> LiveLedger.ensureTopics("127.0.0.1:1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "cannot reach Kafka at 127.0.0.1:1 to create or describe the live path's topics"
                + " (within 15 s)")
        .hasNoCause();
  }
}
