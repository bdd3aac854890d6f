package cn.timebank.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesFileReaderTests {

  @Test
  void keepsNumbersAsTheirExactText() {
    List<RawRecord> records =
        Read.all(
            "t.jsonl",
            "{\"local_amount\": 1.10, \"standard_minutes\": 6, \"rating\": 1e1}\n",
            DataEncoding.UTF_8);
    assertThat(records.get(0).fields())
        .containsEntry("local_amount", "1.10")
        .containsEntry("standard_minutes", "6")
        .containsEntry("rating", "1e1");
  }

  @Test
  void takesNullAndMissingAsAbsent() {
    RawRecord record =
        Read.all("t.jsonl", "{\"txn_ref\":\"T1\",\"note\":null}\n", DataEncoding.UTF_8).get(0);
    assertThat(record.fields()).containsOnlyKeys("txn_ref");
  }

  @Test
  void reportsALineThatIsNotAnObjectAsR102OfTheRecord() {
    List<RawRecord> records =
        Read.all("t.jsonl", "[1,2]\n{\"a\":\"x\"}\nnot json\n", DataEncoding.UTF_8);
    assertThat(records).hasSize(3);
    assertThat(records.get(0).problem().map(FieldProblem::field)).contains("(record)");
    assertThat(records.get(0).problem().map(FieldProblem::code)).contains(ResultCode.R102);
    assertThat(records.get(1).fields()).containsEntry("a", "x");
    assertThat(records.get(2).problem().map(FieldProblem::field)).contains("(record)");
    assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 3L);
  }

  @Test
  void namesEveryRefusedValueAndNeverAKeyThatIsNoColumnName() {
    RawRecord two =
        Read.all(
                "s.jsonl",
                "{\"service_ref\":\"S1\",\"provider_ref\":true,\"recipient_ref\":[\"R1\"]}\n",
                DataEncoding.UTF_8)
            .get(0);
    assertThat(two.problem().map(FieldProblem::field)).contains("provider_ref");
    assertThat(two.refused()).containsExactly("provider_ref", "recipient_ref");
    assertThat(
            two.problemsWith(
                java.util.List.of(
                    new FieldProblem("recipient_ref", ResultCode.R101, "is required"))))
        .as("a refused value is not missing")
        .extracting(FieldProblem::code)
        .containsExactly(ResultCode.R102);

    RawRecord oddKey =
        Read.all("p.jsonl", "{\"110101199003071234\": true}\n", DataEncoding.UTF_8).get(0);
    assertThat(oddKey.problem().map(FieldProblem::field)).contains("(record)");
    assertThat(oddKey.problem().map(FieldProblem::detail).orElseThrow())
        .isEqualTo(
            "has a field whose name is no column name that must be a JSON string or number (was a"
                + " boolean)")
        .doesNotContain("110101199003071234");
  }

  @Test
  void neverQuotesTheTextOfALineThatIsNoJson() {
    RawRecord record =
        Read.all("p.jsonl", "{\"id_number\": x110101199003071234}\n", DataEncoding.UTF_8).get(0);
    assertThat(record.problem().map(FieldProblem::detail).orElseThrow())
        .startsWith("is not a JSON object (invalid JSON at character ")
        .doesNotContain("110101199003071234");
  }

  @Test
  void reportsABooleanOrNestedValueAsR102OfTheField() {
    RawRecord record =
        Read.all("t.jsonl", "{\"a\":\"x\",\"lives_alone\":true}\n", DataEncoding.UTF_8).get(0);
    assertThat(record.problem().map(FieldProblem::field)).contains("lives_alone");
    assertThat(record.isReadable()).isFalse();
  }

  @Test
  void keepsTheOtherFieldsOfARecordRefusedForOneValueToNameIt() {
    RawRecord record =
        Read.all(
                "t.jsonl",
                "{\"service_ref\":\"S5\",\"local_amount\":true,\"n\":{\"x\":[1]},"
                    + "\"minutes\":60,\"local_amount\":\"2\",\"note\":null}\n",
                DataEncoding.UTF_8)
            .get(0);
    assertThat(record.problem().map(FieldProblem::field)).contains("local_amount");
    assertThat(record.problem().map(FieldProblem::detail).orElseThrow())
        .isEqualTo("must be a JSON string or number (was a boolean)");
    assertThat(record.fields())
        .as("the readable fields; the bad, nested, repeated and null values left out")
        .containsExactly(
            java.util.Map.entry("service_ref", "S5"), java.util.Map.entry("minutes", "60"));
  }

  @Test
  void skipsBlankLinesAndReadsCrlf() {
    List<RawRecord> records =
        Read.all("t.jsonl", "{\"a\":\"1\"}\r\n\r\n{\"a\":\"2\"}\r\n", DataEncoding.UTF_8);
    assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L);
    assertThat(records).extracting(r -> r.fields().get("a")).containsExactly("1", "2");
  }

  @Test
  void reportsAFieldOverTheLimit() {
    String big = "x".repeat(100_000);
    List<RawRecord> records =
        Read.all("t.jsonl", "{\"note\":\"" + big + "\"}\n{\"note\":\"ok\"}\n", DataEncoding.UTF_8);
    assertThat(records.get(0).problem().map(FieldProblem::field)).contains("note");
    assertThat(records.get(1).fields()).containsEntry("note", "ok");
  }
}
