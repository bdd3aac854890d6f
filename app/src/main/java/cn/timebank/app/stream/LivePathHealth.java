package cn.timebank.app.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The live path in Actuator's health ({@code livePath}): UP while it runs or when {@code serve} did
 * not start it (the REST API and the drop folder do not need it), DOWN with the reason when the
 * topology or the database sink has stopped — the events that arrive meanwhile wait on their topics
 * and reach the database only after a restart, so an operator must hear of it.
 */
@Component("livePathHealthIndicator") // the health component "livePath"
class LivePathHealth implements HealthIndicator {

  private final LiveServing live;

  LivePathHealth(LiveServing live) {
    this.live = live;
  }

  @Override
  public Health health() {
    return live.failure()
        .map(why -> Health.down().withDetail("live_path", why).build())
        .orElseGet(
            () ->
                Health.up()
                    .withDetail("live_path", live.isRunning() ? "running" : "not started")
                    .build());
  }
}
