package cn.timebank.app.inbox;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.config.TimebankProperties;
import cn.timebank.ingestion.Submissions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The drop folder, watched only while serving (a web application) and unless {@code
 * timebank.inbox.enabled=false}: the other commands start no scheduler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "timebank.inbox.enabled", matchIfMissing = true)
@EnableScheduling
class InboxConfiguration {

  @Bean
  InboxPoller inboxPoller(
      TimebankProperties timebank,
      InboxProperties inbox,
      Submissions submissions,
      Auditor auditor,
      Clock clock) {
    return new InboxPoller(timebank.dataDir().resolve("inbox"), inbox, submissions, auditor, clock);
  }
}
