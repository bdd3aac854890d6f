package cn.timebank.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFileReaderTests {

  @Test
  void readsQuotedCommasNewlinesAndEscapedQuotes() {
    String csv = "a,b,c\n\"x, y\",\"two\nlines\",\"say \"\"hi\"\"\"\nplain,,last\n";
    List<RawRecord> records = Read.all("f.csv", csv, DataEncoding.UTF_8);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).fields())
        .containsExactly(
            Map.entry("a", "x, y"), Map.entry("b", "two\nlines"), Map.entry("c", "say \"hi\""));
    assertThat(records.get(0).line()).isEqualTo(2);
    assertThat(records.get(1).line()).isEqualTo(4);
    assertThat(records.get(1).fields()).containsEntry("b", "");
  }

  @Test
  void stripsTheUtf8ByteOrderMarkAndReadsCrlf() {
    List<RawRecord> records = Read.all("f.csv", "\uFEFFa,b\r\n1,2\r\n3,4\r\n", DataEncoding.UTF_8);
    assertThat(records).extracting(r -> r.fields().get("a")).containsExactly("1", "3");
    assertThat(records).extracting(r -> r.fields().get("b")).containsExactly("2", "4");
    assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L);
  }

  @Test
  void readsGb18030Chinese() {
    byte[] bytes = "name,note\n张三,时间银行\n".getBytes(DataEncoding.GB18030.charset());
    List<RawRecord> records = Read.all("f.csv", bytes, DataEncoding.GB18030, ReadLimits.defaults());
    assertThat(records.get(0).fields()).containsEntry("name", "张三").containsEntry("note", "时间银行");
  }

  @Test
  void reportsAnUnclosedQuoteAsR102OfTheLastRecord() {
    List<RawRecord> records = Read.all("f.csv", "a,b\n1,2\n3,\"open\n4,5\n", DataEncoding.UTF_8);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).isReadable()).isTrue();
    assertThat(records.get(1).line()).isEqualTo(3);
    assertThat(records.get(1).problem())
        .hasValueSatisfying(
            p -> {
              assertThat(p.code()).isEqualTo(ResultCode.R102);
              assertThat(p.field()).isEqualTo("b");
              assertThat(p.detail()).contains("never closed");
            });
  }

  @Test
  void reportsAFieldOverTheLimitAndReadsTheNextRecord() {
    String big = "x".repeat(100_000);
    List<RawRecord> records = Read.all("f.csv", "a,b\n1," + big + "\n2,ok\n", DataEncoding.UTF_8);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).problem().map(FieldProblem::field)).contains("b");
    assertThat(records.get(0).problem().map(FieldProblem::code)).contains(ResultCode.R102);
    assertThat(records.get(1).fields()).containsEntry("a", "2").containsEntry("b", "ok");
    assertThat(records.get(1).line()).isEqualTo(3);
  }

  @Test
  void reportsARecordOverTheLimit() {
    ReadLimits limits = new ReadLimits(10, 20);
    String csv = "a,b,c\n" + "123456789,123456789,123456789\n" + "1,2,3\n";
    List<RawRecord> records =
        Read.all("f.csv", csv.getBytes(StandardCharsets.UTF_8), DataEncoding.UTF_8, limits);
    assertThat(records.get(0).problem().map(FieldProblem::field)).contains("(record)");
    assertThat(records.get(1).fields()).containsEntry("c", "3");
  }

  @Test
  void reportsAWrongFieldCountAsR102() {
    List<RawRecord> records = Read.all("f.csv", "a,b\n1,2,3\n", DataEncoding.UTF_8);
    assertThat(records.get(0).problem().map(FieldProblem::detail))
        .contains("has 3 fields, the header has 2");
  }

  @Test
  void skipsEmptyLinesButKeepsCountingThem() {
    List<RawRecord> records = Read.all("f.csv", "a,b\n\n1,2\n\n", DataEncoding.UTF_8);
    assertThat(records).singleElement().extracting(RawRecord::line).isEqualTo(3L);
  }
}
