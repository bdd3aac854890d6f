package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.standards.identity.PersonKeySecret;
import java.util.Objects;

/**
 * What the topology needs besides Kafka: the bank registry (unknown, suspended or closed bank:
 * P003), the person-key secret (participant events are pseudonymised before anything is stored or
 * forwarded) and the record engine.
 */
public record StreamConfig(
    Registry registry, PersonKeySecret personKeySecret, RecordEngine engine) {

  public StreamConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(personKeySecret, "personKeySecret");
    Objects.requireNonNull(engine, "engine");
  }
}
