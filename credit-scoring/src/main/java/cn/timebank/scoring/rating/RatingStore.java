package cn.timebank.scoring.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bank ratings in {@code cs_bank_ratings}, replaced per period and rules version. */
final class RatingStore {

  private static final String COLUMNS =
      "score_period, rating_version, bank_code, punctuality, completeness, accuracy, stability,"
          + " plausibility, total_score, grade, delivered_flag, days_late, files_expected,"
          + " files_delivered, records_read, records_rejected, records_accepted, records_named,"
          + " corrections";

  private final JdbcClient jdbc;

  RatingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Call inside a transaction. */
  void replace(String period, String version, List<BankRating> ratings) {
    jdbc.sql("delete from cs_bank_ratings where score_period = ? and rating_version = ?")
        .params(period, version)
        .update();
    for (BankRating r : ratings) {
      RatingInputs in = r.inputs();
      jdbc.sql(
              "insert into cs_bank_ratings ("
                  + COLUMNS
                  + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              r.period(),
              r.rulesVersion(),
              r.bank(),
              r.punctuality(),
              r.completeness(),
              r.accuracy(),
              r.stability(),
              r.plausibility(),
              r.total(),
              r.grade(),
              in.delivered() ? "Y" : "N",
              in.daysLate(),
              in.filesExpected(),
              in.filesDelivered(),
              in.read(),
              in.rejected(),
              in.accepted(),
              in.named(),
              in.corrections())
          .update();
    }
  }

  List<BankRating> list(String period, String version) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from cs_bank_ratings where score_period = ? and rating_version = ?"
                + " order by bank_code")
        .params(period, version)
        .query((rs, n) -> map(rs))
        .list();
  }

  Optional<BankRating> of(String period, String version, String bank) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from cs_bank_ratings where score_period = ? and rating_version = ?"
                + " and bank_code = ?")
        .params(period, version, bank)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private static BankRating map(ResultSet rs) throws SQLException {
    RatingInputs in =
        new RatingInputs(
            rs.getString("bank_code"),
            "Y".equals(rs.getString("delivered_flag")),
            rs.getLong("days_late"),
            rs.getInt("files_expected"),
            rs.getInt("files_delivered"),
            rs.getLong("records_read"),
            rs.getLong("records_rejected"),
            rs.getLong("records_accepted"),
            rs.getLong("records_named"),
            rs.getInt("corrections"));
    return new BankRating(
        rs.getString("score_period"),
        rs.getString("rating_version"),
        rs.getString("bank_code"),
        rs.getBigDecimal("punctuality").setScale(2),
        rs.getBigDecimal("completeness").setScale(2),
        rs.getBigDecimal("accuracy").setScale(2),
        rs.getBigDecimal("stability").setScale(2),
        rs.getBigDecimal("plausibility").setScale(2),
        rs.getBigDecimal("total_score").setScale(2),
        rs.getString("grade"),
        in);
  }
}
