package cn.timebank.ingestion.hold;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every statement on {@code live_paths} and {@code live_holds} (V9). Each runs in the caller's
 * transaction if there is one (the database sink's acknowledgement joins its batch of events), in
 * its own otherwise. Times are the callers' clocks, stored in UTC (the batch and the live path may
 * run in processes of other time zones).
 */
public class LiveHoldStore {

  private final JdbcClient jdbc;

  public LiveHoldStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  // ---- the live path ----

  /** The ledger task {@code instance} of a live path not named runs at {@code now}. */
  public void seen(String instance, Instant now) {
    seen(instance, null, now);
  }

  /**
   * {@code instance} — a ledger task, or a live path's own presence — of the live path {@code
   * livePath} (see {@link OneLivePath}) runs at {@code now}.
   */
  public void seen(String instance, @Nullable String livePath, Instant now) {
    int updated =
        jdbc.sql("update live_paths set seen_at = ?, live_path = ? where instance_id = ?")
            .params(ts(now), livePath, instance)
            .update();
    if (updated == 0) {
      jdbc.sql("insert into live_paths (instance_id, live_path, seen_at) values (?, ?, ?)")
          .params(instance, livePath, ts(now))
          .update();
    }
  }

  /**
   * The live paths other than {@code livePath} (every one when it is null) that said after {@code
   * since} that they run, the latest word of each first.
   */
  public List<LiveSeen> othersSince(@Nullable String livePath, Instant since) {
    return jdbc
        .sql("select live_path, seen_at from live_paths where seen_at > ? order by seen_at desc")
        .param(ts(since))
        .query(
            (rs, n) ->
                new LiveSeen(
                    rs.getString("live_path"), Objects.requireNonNull(instant(rs, "seen_at"))))
        .list()
        .stream()
        .filter(seen -> livePath == null || !livePath.equals(seen.livePath()))
        .toList();
  }

  /** A live path's latest word: its name (null for a row that names none) and when. */
  public record LiveSeen(@Nullable String livePath, Instant seenAt) {}

  /** The live path's ledger task {@code instance} stopped. */
  public void left(String instance) {
    jdbc.sql("delete from live_paths where instance_id = ?").param(instance).update();
  }

  /** Whether a live path said after {@code since} that it runs. */
  public boolean liveSince(Instant since) {
    return jdbc.sql("select count(*) from live_paths where seen_at > ?")
            .param(ts(since))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Every hold the database keeps (a handful: one per package being applied, and recent ones). */
  public List<Hold> all() {
    return jdbc.sql(
            "select package_id, request_id, requested_at, lease_until, held_at, done_at,"
                + " failed_at from live_holds order by requested_at, package_id")
        .query(LiveHoldStore::hold)
        .list();
  }

  // ---- the database sink ----

  /**
   * The live path holds for the request, and every event it judged before is in the database (the
   * sink writes this after them, in order). A request asked again since is left as it is.
   */
  public void held(String packageId, String requestId, Instant now) {
    jdbc.sql(
            "update live_holds set held_at = ? where package_id = ? and request_id = ?"
                + " and held_at is null")
        .params(ts(now), packageId, requestId)
        .update();
  }

  // ---- the batch ----

  /**
   * Asks for a hold for the package's run, replacing what an earlier run of it left in one
   * statement (the live path never sees the package without a hold between the two runs: it would
   * judge events before it has taken in what the earlier run committed).
   */
  public void request(String packageId, String requestId, Instant now, Instant leaseUntil) {
    int replaced =
        jdbc.sql(
                "update live_holds set request_id = ?, requested_at = ?, lease_until = ?,"
                    + " held_at = null, done_at = null, failed_at = null where package_id = ?")
            .params(requestId, ts(now), ts(leaseUntil), packageId)
            .update();
    if (replaced == 0) {
      jdbc.sql(
              "insert into live_holds (package_id, request_id, requested_at, lease_until)"
                  + " values (?, ?, ?, ?)")
          .params(packageId, requestId, ts(now), ts(leaseUntil))
          .update();
    }
  }

  /** When the request was acknowledged, if it was. */
  public Optional<Instant> heldAt(String packageId, String requestId) {
    return jdbc.sql("select held_at from live_holds where package_id = ? and request_id = ?")
        .params(packageId, requestId)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "held_at")))
        .optional()
        .flatMap(held -> held);
  }

  /** The run still goes on: its hold lasts until {@code leaseUntil}. */
  public void renew(String packageId, String requestId, Instant leaseUntil) {
    jdbc.sql("update live_holds set lease_until = ? where package_id = ? and request_id = ?")
        .params(ts(leaseUntil), packageId, requestId)
        .update();
  }

  /** The package's receipt is stored: the live path holds until it has taken the package in. */
  public void done(String packageId, String requestId, Instant now) {
    jdbc.sql("update live_holds set done_at = ? where package_id = ? and request_id = ?")
        .params(ts(now), packageId, requestId)
        .update();
  }

  /** The run failed: the live path takes in what it committed, then judges again. */
  public void failed(String packageId, String requestId, Instant now) {
    jdbc.sql("update live_holds set failed_at = ? where package_id = ? and request_id = ?")
        .params(ts(now), packageId, requestId)
        .update();
  }

  /** Nothing of the run was applied (asking or waiting failed): its hold ends now. */
  public void withdraw(String packageId, String requestId) {
    jdbc.sql("delete from live_holds where package_id = ? and request_id = ?")
        .params(packageId, requestId)
        .update();
  }

  /** Removes holds that ended before {@code before} and live paths last seen before it. */
  public void forget(Instant before) {
    jdbc.sql("delete from live_holds where done_at < ? or failed_at < ?")
        .params(ts(before), ts(before))
        .update();
    jdbc.sql("delete from live_paths where seen_at < ?").param(ts(before)).update();
  }

  private static Hold hold(ResultSet rs, int n) throws SQLException {
    return new Hold(
        rs.getString("package_id"),
        rs.getString("request_id"),
        Objects.requireNonNull(instant(rs, "requested_at")),
        Objects.requireNonNull(instant(rs, "lease_until")),
        instant(rs, "held_at"),
        instant(rs, "done_at"),
        instant(rs, "failed_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }
}
