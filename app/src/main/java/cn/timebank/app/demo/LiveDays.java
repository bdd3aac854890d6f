package cn.timebank.app.demo;

import cn.timebank.app.stream.LivePath;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.hold.Hold;
import cn.timebank.ingestion.hold.LiveHoldStore;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.stream.AlertRecord;
import cn.timebank.ingestion.stream.OutputSerdes;
import cn.timebank.ingestion.stream.Topics;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.stream.replay.ReplayProgress;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.Timestamps;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's live part: after the batch, the <em>following days</em> of two banks arrive as events
 * through the live path (the embedded broker, the ledger topology, the database sink), the alerts
 * are printed as they come from {@code tb.alerts.v1}, then the two banks' updated balances.
 *
 * <p>The following days are made from the simulated month: the two banks are those of the
 * simulator's cross-bank overlap (its truth file), the days are the days of their planted daily-cap
 * and overlap patterns, and each such day's services are sent again as the 1st, 2nd, 3rd … day of
 * the next month (times shifted by whole days, refs prefixed {@code L}, event ids {@code live-…}).
 * No participant is sent: the topology's state takes in what the database holds (the batch's
 * participants, balances, daily-cap rows and refs; ingestion/README, "The database sink and
 * stream-replay"), so the services of the following days, those paid from a {@code BALANCE} earned
 * in the batch included, are judged as a package of the next month would be.
 *
 * <p>Half of the events are sent, then the simulator's next-month package of the first bank is
 * delivered while the other half arrives: the live path holds the events that arrive while the
 * package is applied and judges them once it has taken the package in (ingestion/README, "One
 * writer at a time"); the package's receipt and its hold are printed.
 */
@Component
class LiveDays {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern OTHER_BANK = Pattern.compile("in (\\d{6}-\\d{3})");
  private static final int DAYS = 3;

  private final LivePath live;
  private final DueDates dueDates;
  private final Balances balances;
  private final Submissions submissions;
  private final LiveHoldStore holds;
  private final JdbcClient jdbc;
  private final Clock clock;

  LiveDays(
      LivePath live,
      DueDates dueDates,
      Balances balances,
      Submissions submissions,
      LiveHoldStore holds,
      JdbcClient jdbc,
      Clock clock) {
    this.live = live;
    this.dueDates = dueDates;
    this.balances = balances;
    this.submissions = submissions;
    this.holds = holds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Runs the live part; {@code duringLive} (packages of the next month) are delivered while the
   * events arrive.
   *
   * @return the receipts of {@code duringLive}
   */
  Map<Path, Receipt> run(Path packages, YearMonth period, List<Path> duringLive, PrintStream out)
      throws Exception {
    Map<Path, Receipt> delivered = new LinkedHashMap<>();
    try {
      run(packages, period, duringLive, delivered, out);
    } finally {
      for (Path pkg : duringLive) {
        if (!delivered.containsKey(pkg)) { // the live part was skipped: delivered as in the batch
          delivered.put(pkg, submissions.ingest(pkg));
        }
      }
    }
    return delivered;
  }

  private void run(
      Path packages,
      YearMonth period,
      List<Path> duringLive,
      Map<Path, Receipt> delivered,
      PrintStream out)
      throws Exception {
    List<JsonNode> patterns = patterns(packages.resolve("truth.jsonl"));
    List<String> banks = twoBanks(patterns);
    if (banks.size() < 2) {
      out.println("  (no two banks with planted patterns in this world: skipped)");
      return;
    }
    PackageReplay replay = new PackageReplay(live.registry(), dueDates, clock);
    List<PackageReplay.Event> services = new ArrayList<>();
    Set<String> crossBank = new TreeSet<>();
    Set<String> patternRefs = new TreeSet<>();
    for (JsonNode p : patterns) {
      if (banks.contains(bankOf(p))) {
        String key = bankOf(p) + ":" + p.get("ref").asString();
        patternRefs.add(key);
        if (p.path("source").asString("").contains("CROSS_BANK")) {
          crossBank.add(key);
        }
      }
    }
    for (String bank : banks) {
      Path pkg = packages.resolve(bank + "_" + period + "_1.zip");
      if (!Files.exists(pkg)) {
        out.println("  (" + pkg.getFileName() + " is missing: skipped)");
        return;
      }
      for (PackageReplay.Event event : replay.prepare(pkg).events()) {
        switch (event.topic()) {
          case SERVICES -> services.add(event);
          case PARTICIPANTS, TRANSACTIONS -> {}
        }
      }
    }
    TreeSet<LocalDate> crossBankDays = new TreeSet<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (PackageReplay.Event e : services) {
      if (patternRefs.contains(e.key())) {
        day(e).ifPresent(days::add);
      }
      if (crossBank.contains(e.key())) {
        day(e).ifPresent(crossBankDays::add);
      }
    }
    TreeSet<LocalDate> picked = new TreeSet<>(crossBankDays.stream().limit(1).toList());
    days.stream().filter(d -> picked.size() < DAYS).forEach(picked::add);
    List<LocalDate> chosen = List.copyOf(picked);
    List<PackageReplay.Event> following = new ArrayList<>();
    for (PackageReplay.Event e : services) {
      LocalDate day = day(e).orElse(null);
      if (day == null || !chosen.contains(day)) {
        continue;
      }
      ObjectNode fields = (ObjectNode) JSON.readTree(e.value());
      LocalDate target = period.plusMonths(1).atDay(1 + chosen.indexOf(day));
      following.add(following(fields, e, ChronoUnit.DAYS.between(day, target)));
    }
    following.sort(java.util.Comparator.comparing(e -> Timestamps.parseLocal(startOf(e))));
    List<PackageReplay.Event> events = new ArrayList<>(following);
    long fromBalance =
        following.stream()
            .filter(e -> JSON.readTree(e.value()).path("funding").asString("").equals("BALANCE"))
            .count();

    out.printf(
        "  %s and %s: %,d services of %d following days (%s), %,d of them paid from balances"
            + " earned in the batch; no participant is sent again (the live path takes in what the"
            + " database holds)%n",
        banks.get(0),
        banks.get(1),
        following.size(),
        chosen.size(),
        period.plusMonths(1).atDay(1) + " .. " + period.plusMonths(1).atDay(chosen.size()),
        fromBalance);
    for (String bank : banks) {
      out.print("  before  " + bank + " ");
      BankSummary.balances(bank, balances, out);
    }
    ReplayProgress progress = new ReplayProgress(events);
    List<String> heldFor = new ArrayList<>();
    Instant liveStarted = clock.instant();
    long started = System.nanoTime();
    try (LivePath.Running running = live.start()) {
      running.ledger().sink().onWritten(progress);
      progress.appliedBefore(running.ledger().sink()); // a second run: re-sends, no outcome
      out.println(
          "  live path: embedded broker "
              + running.bootstrapServers()
              + "; alerts as they arrive:");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger alerts = new AtomicInteger();
      Thread listener =
          new Thread(() -> listen(running.bootstrapServers(), stop, alerts, out), "demo-alerts");
      listener.setDaemon(true);
      listener.start();
      try (KafkaProducer<String, byte[]> producer = producer(running.bootstrapServers())) {
        if (duringLive.isEmpty()) {
          PackageReplay.publish(producer, events, clock.millis());
        } else {
          // half of the events, then a package while the other half arrives: one writer at a time
          int half = events.size() / 2;
          PackageReplay.publish(producer, events.subList(0, half), clock.millis());
          awaitTakenIn(running, null);
          // the other half once the live path holds for the package: they wait until it is in
          Thread sending =
              new Thread(
                  () -> {
                    awaitAcknowledged(liveStarted);
                    try (KafkaProducer<String, byte[]> second =
                        producer(running.bootstrapServers())) {
                      PackageReplay.publish(
                          second, events.subList(half, events.size()), clock.millis() + 1_000);
                    }
                  },
                  "demo-second-half");
          sending.start();
          for (Path pkg : duringLive) {
            Receipt receipt = submissions.ingest(pkg);
            delivered.put(pkg, receipt);
            sending.join();
            awaitTakenIn(running, receipt.packageId());
            out.println(
                "  meanwhile the next month's package arrives (as through the inbox or the REST"
                    + " API):");
            BankSummary.receipt(pkg.getFileName().toString(), receipt, out);
            heldFor.add(receipt.packageId());
          }
        }
      }
      boolean done = progress.await(Duration.ofSeconds(120), () -> running.ledger().failure());
      heldFor.forEach(id -> printHold(id, liveStarted, events, out));
      long expected =
          progress.written().values().stream()
              .filter(w -> !w.outcome().equals("REJECTED"))
              .mapToLong(w -> w.codes().size())
              .sum();
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (alerts.get() < expected && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      stop.set(true);
      listener.join(5_000);
      if (!done) {
        out.println("  " + progress.missing() + " events did not reach the ledger in time");
      }
    }
    out.printf("  %.1f s; ", (System.nanoTime() - started) / 1e9);
    out.print(progress.summary().replace("\n", "\n  ").stripTrailing());
    out.println();
    for (String bank : banks) {
      out.print("  after   " + bank + " ");
      BankSummary.balances(bank, balances, out);
    }
  }

  /**
   * Fails before the demo writes anything when another live path takes events into its database (a
   * {@code serve --embedded-kafka} on the same data dir): step 5b would start one beside it.
   */
  void ensureAlone() {
    live.ensureNoOtherLivePath();
  }

  /** Waits until the live path's state has taken in the package ({@code null}: the database). */
  private static void awaitTakenIn(LivePath.Running running, @Nullable String packageId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!running.ledger().tookIn(packageId) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /**
   * Waits (at most 30 s) until a hold asked for since {@code since} is acknowledged: the live path
   * holds the events that arrive from now on.
   */
  private void awaitAcknowledged(Instant since) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && holds.all().stream()
            .noneMatch(h -> h.heldAt() != null && !h.requestedAt().isBefore(since))) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The package's hold, from {@code live_holds}: when it was acknowledged and done, and how many of
   * the events were written after the acknowledgement — those arrived while the package was
   * applied, waited, and were judged after it.
   */
  private void printHold(
      String packageId, Instant since, List<PackageReplay.Event> events, PrintStream out) {
    Hold hold =
        holds.all().stream().filter(h -> h.packageId().equals(packageId)).findFirst().orElse(null);
    if (hold != null && hold.requestedAt().isBefore(since)) {
      out.println(
          "      (delivered in an earlier run: its first receipt, nothing applied or held again)");
      return;
    }
    if (hold == null || hold.heldAt() == null) {
      out.println("      (not held: no live path answered; the package was applied beside it)");
      return;
    }
    Instant held = hold.heldAt();
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.eventId()));
    long after =
        jdbc
            .sql("select event_id, applied_at from stream_events where event_id like 'live-%'")
            .query(
                (rs, n) ->
                    ids.contains(rs.getString(1)) && !rs.getTimestamp(2).toInstant().isBefore(held))
            .list()
            .stream()
            .filter(Boolean::booleanValue)
            .count();
    out.printf(
        "      one writer at a time: the database sink acknowledged the hold %d ms after the"
            + " request; the package was done %d ms after it; %d events that arrived meanwhile"
            + " waited and were judged once the live path had taken the package in%n",
        Duration.between(hold.requestedAt(), held).toMillis(),
        hold.doneAt() == null ? -1 : Duration.between(hold.requestedAt(), hold.doneAt()).toMillis(),
        after);
  }

  private static void listen(
      String servers, AtomicBoolean stop, AtomicInteger alerts, PrintStream out) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.ALERTS, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      while (!stop.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          AlertRecord a = OutputSerdes.ALERT.deserializer().deserialize(r.topic(), r.value());
          alerts.incrementAndGet();
          out.printf("    %s %s %-16s %s%n", a.code(), a.bankCode(), a.ref(), a.message());
        }
      }
    }
  }

  /** A service of the month as one of the following days: times shifted, a new ref and event id. */
  private static PackageReplay.Event following(
      ObjectNode fields, PackageReplay.Event e, long days) {
    for (String field : List.of("start", "end", "recorded_at")) {
      JsonNode value = fields.get(field);
      if (value != null && value.isString() && !value.asString().isBlank()) {
        fields.put(field, Timestamps.parseLocal(value.asString()).plusDays(days).toString());
      }
    }
    String ref = "L" + e.ref();
    String eventId = "live-" + e.eventId();
    fields.put("service_ref", ref);
    fields.put("event_id", eventId);
    return new PackageReplay.Event(
        e.topic(),
        e.bankCode() + ":" + ref,
        JSON.writeValueAsBytes(fields),
        eventId,
        e.bankCode(),
        ref,
        e.fileName(),
        e.line());
  }

  private static java.util.Optional<LocalDate> day(PackageReplay.Event e) {
    String start = startOf(e);
    try {
      return java.util.Optional.of(Timestamps.parseLocal(start).toLocalDate());
    } catch (RuntimeException notADate) {
      return java.util.Optional.empty();
    }
  }

  private static String startOf(PackageReplay.Event e) {
    if (e.ref() == null) {
      return "";
    }
    return JSON.readTree(e.value()).path("start").asString("");
  }

  /** The simulator's planted W201/W204 lines (truth file). */
  private static List<JsonNode> patterns(Path truth) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.exists(truth)) {
      return lines;
    }
    for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8)) {
      JsonNode node = JSON.readTree(line);
      String code = node.path("code").asString("");
      if ((code.equals("W201") || code.equals("W204")) && node.has("ref")) {
        lines.add(node);
      }
    }
    return lines;
  }

  /** The banks of the first cross-bank overlap, else the first two banks with patterns. */
  private static List<String> twoBanks(List<JsonNode> patterns) {
    for (JsonNode p : patterns) {
      Matcher other = OTHER_BANK.matcher(p.path("note").asString(""));
      if (p.path("source").asString("").contains("CROSS_BANK") && other.find()) {
        return List.of(bankOf(p), other.group(1));
      }
    }
    Set<String> banks = new LinkedHashSet<>();
    patterns.forEach(p -> banks.add(bankOf(p)));
    return banks.stream().limit(2).toList();
  }

  private static String bankOf(JsonNode truthLine) {
    return truthLine.path("package").asString("").split("_")[0];
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
