package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.standards.identity.PersonKeySecret;
import java.util.Objects;

/**
 * What the topology needs besides Kafka: the bank registry (unknown, suspended or closed bank:
 * P003), the person-key secret (participant events are pseudonymised before anything is stored or
 * forwarded), the record engine, and the ledger of record its state takes in ({@link StateSeed}:
 * the database's packages, so that an event is judged against them as a package would be; {@link
 * StateSeed#NONE} for a topology on its own), and the holds of packages being applied ({@link
 * LiveHolds}: the events that arrive meanwhile wait until the package is taken in).
 */
public record StreamConfig(
    Registry registry,
    PersonKeySecret personKeySecret,
    RecordEngine engine,
    StateSeed seed,
    LiveHolds holds) {

  public StreamConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(personKeySecret, "personKeySecret");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(holds, "holds");
  }

  /** A topology that takes in {@code seed} and is never asked to hold its events. */
  public StreamConfig(
      Registry registry, PersonKeySecret personKeySecret, RecordEngine engine, StateSeed seed) {
    this(registry, personKeySecret, engine, seed, LiveHolds.NONE);
  }

  /** A topology whose state starts from what it sees itself. */
  public StreamConfig(Registry registry, PersonKeySecret personKeySecret, RecordEngine engine) {
    this(registry, personKeySecret, engine, StateSeed.NONE);
  }
}
