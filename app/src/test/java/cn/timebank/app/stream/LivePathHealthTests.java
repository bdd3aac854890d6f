package cn.timebank.app.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class LivePathHealthTests {

  private final LiveServing live = mock(LiveServing.class);
  private final LivePathHealth health = new LivePathHealth(live);

  @Test
  void isUpWhenNotStartedOrRunning() {
    given(live.failure()).willReturn(Optional.empty());
    given(live.isRunning()).willReturn(false);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    given(live.isRunning()).willReturn(true);
    Health running = health.health();
    assertThat(running.getStatus()).isEqualTo(Status.UP);
    assertThat(running.getDetails()).containsEntry("live_path", "running");
  }

  @Test
  void isDownWithTheReasonWhenTheSinkOrTheTopologyStopped() {
    given(live.failure())
        .willReturn(Optional.of("the database sink stopped: Value too long for column"));

    Health down = health.health();

    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails())
        .containsEntry("live_path", "the database sink stopped: Value too long for column");
  }
}
