package cn.timebank.scoring.characteristic;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/**
 * One statement reading a scorecard's whole population with its characteristics' values (see {@link
 * Characteristics#population}): the SQL with {@code ?} placeholders, their values in order, and the
 * row mapper — for a streaming cursor.
 */
public record PopulationQuery(String sql, List<Object> args, RowMapper<ParticipantValues> mapper) {

  public PopulationQuery {
    args = List.copyOf(args);
  }
}
