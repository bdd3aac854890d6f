package cn.timebank.ingestion.submission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.balance.BankTotal;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.registry.RegistryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input never produces a stack trace and never applies part of a rejected package: a corpus of
 * malformed deliveries, made programmatically from clean simulated packages (re-signed with the
 * bank's key where the fault lies behind the signature), ingested through the real {@link
 * Submissions} on H2. Each package-level fault is RJCT with its P code and a readable message and
 * leaves the ledger and the canonical store untouched; each record-level fault (delivered as a
 * correction of a clean package) rejects exactly the bad records with their R code, and the rest of
 * the package is applied.
 */
@SpringBootTest(
    classes = IngestionTestApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
      "timebank.ingestion.data-dir=target/bad-input",
      "timebank.ingestion.opening.max-entries=12"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTests {

  private static final YearMonth PERIOD = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UTF8_BANK = "310109-001";
  private static final String GB_BANK = "430102-001";
  private static final String JSONL_BANK = "110105-001";

  @Autowired Submissions submissions;
  @Autowired RegistryImport registryImport;
  @Autowired Balances balances;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;

  private Path world;
  private Path out;
  private final Map<String, Integer> sequences = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  @BeforeAll
  void world() throws IOException {
    world = Files.createTempDirectory("bad-input-world");
    out = Files.createTempDirectory("bad-input");
    Simulator.run(new SimulationOptions(3, 150, 300, PERIOD, 13, world, false, 0, false));
    registryImport.importBanks(RegistryFile.read(world.resolve("registry.json")));
  }

  @Test
  @Order(6)
  void namesTheBankPeriodAndSequenceOfAPackageRefusedForAnUnsafeEntry() throws Exception {
    Pkg utf8 = Pkg.of(clean(UTF8_BANK), keys());
    for (byte[] delivery :
        List.of(
            utf8.copy().extra("../x.csv", "a,b\n").zipBytes(),
            utf8.copy().extra("dir/x.csv", "a\n").zipBytes(),
            bomb(utf8))) {
      Receipt receipt = submissions.ingest(write("unsafe-entry", delivery));
      assertThat(receipt.status()).isEqualTo(ReceiptStatus.RJCT);
      assertThat(receipt.counts().codes()).containsOnlyKeys("P009");
      assertThat(receipt.bankCode()).as("spec §5: what could be read").isEqualTo(UTF8_BANK);
      assertThat(receipt.period()).isNotNull();
      assertThat(receipt.sequence()).isNotNull();
      assertThat(receipt.packageId()).startsWith(UTF8_BANK + "_" + receipt.period() + "_");
    }
  }

  @Test
  @Order(7)
  void namesWhatCanBeReadOfAManifestRefusedWithP001() throws Exception {
    long entries = count("ledger_entries");
    Pkg utf8 = Pkg.of(clean(UTF8_BANK), keys());
    for (byte[] delivery :
        List.of(
            utf8.copy().manifest(m -> m.put("format_version", "1.1")).zip(),
            utf8.copy().manifest(m -> m.put("extra", 1)).zip(),
            utf8.copy().manifest(m -> m.put("encoding", "utf-8")).zip())) {
      Receipt receipt = submissions.ingest(write("p001-readable", delivery));
      assertThat(receipt.counts().codes()).containsOnlyKeys("P001");
      assertThat(receipt.bankCode()).as("spec §5: what could be read").isEqualTo(UTF8_BANK);
      assertThat(receipt.period()).isEqualTo(PERIOD.toString());
      assertThat(receipt.sequence()).isEqualTo(1);
      assertThat(receipt.dueAt()).isNotNull();
      assertThat(receipt.packageId()).startsWith(UTF8_BANK + "_" + PERIOD + "_1_");
    }
    // Each of the three only when well-formed on its own.
    Receipt partly =
        submissions.ingest(
            write(
                "p001-partly",
                utf8.copy()
                    .manifest(m -> m.put("period", "2026-13").put("sequence", 0).put("extra", 1))
                    .zip()));
    assertThat(partly.bankCode()).isEqualTo(UTF8_BANK);
    assertThat(partly.period()).isNull();
    assertThat(partly.sequence()).isNull();
    Receipt none =
        submissions.ingest(
            write(
                "p001-none",
                utf8.copy()
                    .manifest(m -> m.put("bank_code", "no bank").put("sequence", "one"))
                    .zip()));
    assertThat(none.bankCode()).isNull();
    assertThat(none.period()).isEqualTo(PERIOD.toString());
    assertThat(none.sequence()).isNull();
    assertThat(count("ledger_entries")).as("nothing applied").isEqualTo(entries);
  }

  @Test
  @Order(1)
  void rejectsEveryPackageLevelFaultWholeWithItsCodeAndAReadableMessage() throws Exception {
    Pkg utf8 = Pkg.of(clean(UTF8_BANK), keys());
    Pkg gb = Pkg.of(clean(GB_BANK), keys());
    byte[] good = utf8.zip();

    rejected("P001", "garbage bytes", raw("not a zip at all".repeat(50).getBytes()));
    rejected("P001", "truncated ZIP", raw(Arrays.copyOf(good, good.length / 2)));
    rejected("P001", "empty file", raw(new byte[0]));
    rejected(
        "P001|P004",
        "ZIP entry data corrupted in transit (fails to inflate, or the digest catches it)",
        raw(corruptData(good)));
    rejected("P009", "../ entry", utf8.copy().extra("../x.csv", "a,b\n").zipBytes());
    rejected("P009", "absolute path entry", utf8.copy().extra("/etc/x.csv", "a\n").zipBytes());
    rejected("P009", "Windows absolute path", utf8.copy().extra("C:x.csv", "a\n").zipBytes());
    rejected("P009", "backslash in a name", utf8.copy().extra("a\\b.csv", "a\n").zipBytes());
    rejected("P009", "entry in a folder", utf8.copy().extra("dir/x.csv", "a\n").zipBytes());
    rejected("P009", "a name twice", twice(utf8));
    rejected("P009", "huge declared size", declaredSize(good, "services.csv", 0xFFFF_FFF0L));
    rejected("P009", "expansion over the ratio (zip bomb)", bomb(utf8));
    rejected("P009", "more entries than allowed", manyEntries(utf8));
    rejected("P001", "manifest missing", utf8.copy().drop("manifest.json").zipBytes());
    rejected("P001", "manifest not JSON", utf8.copy().rawManifest("{\"format_version\": ").zip());
    rejected(
        "P001",
        "manifest with wrong types",
        utf8.copy()
            .manifest(m -> m.put("sequence", "one").put("generated_at", 12).put("files", "x"))
            .zip());
    rejected(
        "P001",
        "manifest records not a number",
        utf8.copy()
            .manifest(m -> ((ObjectNode) m.get("files").get(0)).put("records", "many"))
            .zip());
    rejected("P001", "manifest unknown key", utf8.copy().manifest(m -> m.put("extra", 1)).zip());
    rejected("P001", "encoding UTF8", utf8.copy().manifest(m -> m.put("encoding", "UTF8")).zip());
    rejected(
        "P001",
        "manifest over 1 MiB",
        utf8.copy().rawManifest("{\"x\":\"" + incompressible(1_100_000) + "\"}").zip());
    rejected(
        "P003", "unknown bank", utf8.copy().manifest(m -> m.put("bank_code", "999999-001")).zip());
    rejected("P002", "signature missing", utf8.copy().drop("manifest.sig").zipBytes());
    rejected("P002", "signature by another key", utf8.copy().signedByAnotherKey().zip());
    rejected("P002", "signature not base64", utf8.copy().sig("%%% not base64 %%%").zipBytes());
    rejected(
        "P006",
        "period in the future",
        utf8.copy().manifest(m -> m.put("period", PERIOD.plusMonths(6).toString())).zip());
    rejected("P009", "extra file", utf8.copy().extra("notes.csv", "x\n").zipBytes());
    rejected("P009", "a named file missing", utf8.copy().drop("transactions.csv").zipBytes());
    rejected(
        "P004",
        "file changed after the manifest",
        utf8.copy().replaceUnsigned("services.csv", s -> s.replace("ISSUED", "POOL")).zipBytes());
    rejected(
        "P005",
        "records not as declared",
        utf8.copy().manifest(m -> ((ObjectNode) m.get("files").get(1)).put("records", 1)).zip());
    rejected(
        "P008",
        "bytes invalid in UTF-8",
        utf8.copy()
            .replace("services.csv", bytes -> splice(bytes, new byte[] {(byte) 0xC3, 0x28}))
            .zip());
    rejected(
        "P008",
        "bytes invalid in GB18030",
        gb.copy()
            .replace("services.csv", bytes -> splice(bytes, new byte[] {(byte) 0x81, 0x20}))
            .zip());
    rejected(
        "P010",
        "header lacks a column",
        utf8.copy()
            .replace("services.csv", b -> text(b).replaceFirst(",rating,", ",").getBytes())
            .zip());
    rejected("P010", "no header", utf8.copy().replace("services.csv", b -> new byte[0]).zip());

    assertThat(failures).isEmpty();
    assertThat(count("ledger_entries")).as("nothing applied").isZero();
    assertThat(count("services") + count("participants") + count("transactions")).isZero();
  }

  @Test
  @Order(2)
  void rejectsOnlyTheBadRecordsOfARecordLevelFault() throws Exception {
    Pkg base = Pkg.of(clean(UTF8_BANK), keys());
    Receipt first = submissions.ingest(write("clean", base.zip()));
    assertThat(first.status()).isNotEqualTo(ReceiptStatus.RJCT);
    List<String> baseline = codes(first);
    String header = text(base.files.get("services.csv")).lines().findFirst().orElseThrow();
    List<String> columns = List.of(header.replace("\uFEFF", "").split(","));
    String model = text(base.files.get("services.csv")).lines().skip(1).findFirst().orElseThrow();

    Map<String, String> wrongTypes = new LinkedHashMap<>();
    wrongTypes.put("start", "yesterday");
    wrongTypes.put("end", "2026-13-45T99:00:00+08:00");
    wrongTypes.put("local_amount", "abc");
    wrongTypes.put("funding", "FREE");
    wrongTypes.put("status", "DONE");
    wrongTypes.put("verification", "VIDEO");
    wrongTypes.put("rating", "five");
    wrongTypes.put("location_region", "ABCDEF");
    wrongTypes.put("recorded_at", "soon");
    List<String> added = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    long firstLine = base.records("services.csv") + 2;
    int n = 0;
    for (Map.Entry<String, String> wrong : wrongTypes.entrySet()) {
      String ref = "S8888-" + String.format("%07d", ++n);
      added.add(withField(model, columns, "service_ref", ref, wrong.getKey(), wrong.getValue()));
      expected.add((firstLine + n - 1) + " " + wrong.getKey());
    }
    String longRef = "S8888-" + String.format("%07d", ++n);
    added.add(
        withField(model, columns, "service_ref", longRef, "location_region", "9".repeat(100_000)));
    expected.add((firstLine + n - 1) + " location_region");
    String widthRef = "S8888-" + String.format("%07d", ++n);
    added.add(
        withField(model, columns, "service_ref", widthRef, "service_ref", widthRef) + ",extra");
    expected.add((firstLine + n - 1) + " (record)");
    String quoteRef = "S8888-" + String.format("%07d", ++n);
    added.add(withField(model, columns, "service_ref", quoteRef, "verification", "\"SIGN_IN_OUT"));
    expected.add((firstLine + n - 1) + " verification");

    Receipt receipt = correction(base, "services.csv", added);

    assertThat(receipt.status()).isEqualTo(ReceiptStatus.PART);
    List<String> rejected = new ArrayList<>(codes(receipt));
    rejected.removeAll(baseline);
    assertThat(rejected)
        .as("exactly the bad records, each with its field")
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(e -> "services.csv " + e + " R102").toList());
    assertThat(receipt.rejected()).allSatisfy(BadInputCorpusTests::readable);
    long services = receipt.counts().files().get("services.csv").accepted();
    assertThat(services)
        .as("the good records of the package are applied")
        .isEqualTo(first.counts().files().get("services.csv").accepted());
    assertThat(balances.totals()).allMatch(BankTotal::balanced);
    assertThat(verifier.verifyAll()).allMatch(ChainVerification::ok);
  }

  @Test
  @Order(3)
  void rejectsBrokenJsonLinesRecordByRecord() throws Exception {
    Pkg base = Pkg.of(clean(JSONL_BANK), keys());
    Receipt first = submissions.ingest(write("clean-jsonl", base.zip()));
    assertThat(first.status()).isNotEqualTo(ReceiptStatus.RJCT);
    List<String> baseline = codes(first);
    String model = text(base.files.get("services.jsonl")).lines().findFirst().orElseThrow();
    List<String> added =
        List.of(
            "{\"service_ref\": \"S7777-0000001\", \"start\": ",
            model
                .replaceFirst("\"service_ref\":\"[^\"]*\"", "\"service_ref\":\"S7777-0000002\"")
                .replaceFirst("\"rating\":\\d", "\"rating\":true"),
            model
                .replaceFirst("\"service_ref\":\"[^\"]*\"", "\"service_ref\":\"S7777-0000003\"")
                .replaceFirst("\"start\":\"[^\"]*\"", "\"start\":[1,2]"),
            model
                .replaceFirst("\"service_ref\":\"[^\"]*\"", "\"service_ref\":\"S7777-0000004\"")
                .replaceFirst(
                    "\"local_amount\":\\d+", "\"local_amount\":\"x" + "y".repeat(100_000) + "\""),
            // A repeated key (R102) and a required field missing (R101): the lowest code.
            model
                .replaceFirst("\"service_ref\":\"[^\"]*\"", "\"service_ref\":\"S7777-0000005\"")
                .replaceFirst("(\"provider_ref\":\"[^\"]*\")", "$1,$1")
                .replaceFirst(",\"verification\":\"[^\"]*\"", ""),
            // Two refused values: the first one's R102, not R101 for the second.
            model
                .replaceFirst("\"service_ref\":\"[^\"]*\"", "\"service_ref\":\"S7777-0000006\"")
                .replaceFirst("\"provider_ref\":\"[^\"]*\"", "\"provider_ref\":true")
                .replaceFirst("\"recipient_ref\":\"[^\"]*\"", "\"recipient_ref\":[1]"));

    Receipt receipt = correction(base, "services.jsonl", added);

    assertThat(receipt.status()).as("%s", receipt.rejected()).isEqualTo(ReceiptStatus.PART);
    List<String> rejected = new ArrayList<>(codes(receipt));
    rejected.removeAll(baseline);
    assertThat(rejected).hasSize(6).filteredOn(line -> line.endsWith(" R102")).hasSize(5);
    assertThat(receipt.rejected()).allSatisfy(BadInputCorpusTests::readable);
    assertThat(receipt.rejected())
        .filteredOn(line -> line.ref() != null && line.ref().startsWith("S7777-"))
        .extracting(line -> line.ref() + " " + line.field())
        .as("a record refused for one of its values is named by its ref")
        .containsExactlyInAnyOrder(
            "S7777-0000002 rating",
            "S7777-0000003 start",
            "S7777-0000004 local_amount",
            "S7777-0000005 verification",
            "S7777-0000006 provider_ref");
    assertThat(receipt.rejected())
        .filteredOn(line -> "S7777-0000005".equals(line.ref()))
        .extracting(ReceiptLine::code)
        .containsExactly("R101");
    assertThat(receipt.counts().files().get("services.jsonl").accepted())
        .isEqualTo(first.counts().files().get("services.jsonl").accepted());
    assertThat(balances.totals()).allMatch(BankTotal::balanced);
  }

  /**
   * The generated corpus: every mutation family below applied to each bank's clean package (CSV in
   * UTF-8, CSV in GB18030, JSON Lines) and in several variants, each delivered through the real
   * {@link Submissions}. Each must be RJCT with its P code and a readable message, store its
   * receipt and leave the ledger as it was.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("generatedCorpus")
  @Order(4)
  void rejectsEveryGeneratedMalformedPackageWithItsCode(Case c) throws Exception {
    failures.clear();
    long services = count("services");
    rejected(c.code(), c.what(), c.delivery().get());
    assertThat(failures).isEmpty();
    assertThat(count("services")).as(c.what() + ": no record applied").isEqualTo(services);
  }

  @Test
  @Order(5)
  void theGeneratedCorpusHoldsAtLeast200Packages() {
    assertThat(generatedCorpus().count()).isGreaterThanOrEqualTo(200);
    assertThat(balances.totals()).allMatch(BankTotal::balanced);
    assertThat(verifier.verifyAll()).allMatch(ChainVerification::ok);
  }

  /** One malformed delivery and the code it must get (alternatives separated by {@code |}). */
  record Case(String code, String what, Supplier<byte[]> delivery) {
    @Override
    public String toString() {
      return code + " " + what;
    }
  }

  Stream<Case> generatedCorpus() {
    List<Case> cases = new ArrayList<>();
    for (String bank : List.of(UTF8_BANK, GB_BANK, JSONL_BANK)) {
      Pkg pkg = Pkg.of(clean(bank), keys());
      byte[] good = pkg.zip();
      String tag = bank + ": ";
      // P001: the bytes are no ZIP, or the ZIP is cut short
      for (int n : new int[] {1, 21, 512, 4096}) {
        cases.add(new Case("P001", tag + n + " random bytes", () -> noise(n, n)));
      }
      for (int tenth = 1; tenth <= 9; tenth++) {
        int cut = good.length * tenth / 10;
        cases.add(
            new Case("P001", tag + "ZIP cut at " + tenth + "/10", () -> Arrays.copyOf(good, cut)));
      }
      cases.add(
          new Case(
              "P001",
              tag + "ZIP without its last byte",
              () -> Arrays.copyOf(good, good.length - 1)));
      // P009: unsafe or unexpected entry names, links, special files
      for (String name :
          List.of(
              "../x.csv",
              "../../etc/passwd",
              "a/../../x.csv",
              "/abs.csv",
              "/etc/cron.d/x",
              "C:x.csv",
              "C:\\x.csv",
              "..\\x.csv",
              "a\\b.csv",
              "dir/x.csv",
              "./x.csv",
              "..",
              "x\u0007.csv",
              "notes.csv",
              "services.csv.bak")) {
        cases.add(
            new Case(
                "P009",
                tag + "entry named " + name.replaceAll("\\p{Cntrl}", "?"),
                () -> pkg.copy().extra(name, "a,b\n").zipBytes()));
      }
      cases.add(
          new Case(
              "P009",
              tag + "symbolic link entry",
              () ->
                  unixType(
                      pkg.copy().extra("link.csv", "/etc/passwd").zipBytes(),
                      "link.csv",
                      0120777)));
      cases.add(
          new Case(
              "P009",
              tag + "FIFO entry",
              () -> unixType(pkg.copy().extra("fifo.csv", "x").zipBytes(), "fifo.csv", 0010644)));
      cases.add(
          new Case(
              "P009",
              tag + "data file as a symbolic link",
              () -> unixType(pkg.copy().zip(), dataFile(pkg, "SERVICES"), 0120777)));
      cases.add(new Case("P009", tag + "a name twice", () -> twice(pkg)));
      cases.add(new Case("P009", tag + "13 entries (limit 12 configured)", () -> entries(pkg, 13)));
      cases.add(new Case("P009", tag + "40 entries", () -> entries(pkg, 40)));
      for (String type : List.of("PARTICIPANTS", "SERVICES", "TRANSACTIONS")) {
        String file = dataFile(pkg, type);
        cases.add(
            new Case("P009", tag + file + " missing", () -> pkg.copy().drop(file).zipBytes()));
        cases.add(
            new Case(
                "P009",
                tag + file + " declared size 4 GB",
                () -> declaredSize(pkg.zip(), file, 0xFFFF_FFF0L)));
      }
      // P001: manifest missing, not JSON, wrong or missing fields
      cases.add(
          new Case(
              "P001", tag + "manifest missing", () -> pkg.copy().drop("manifest.json").zipBytes()));
      String manifestText =
          new String(JSON.writeValueAsBytes(pkg.manifest), StandardCharsets.UTF_8);
      for (int cut : new int[] {0, 1, 10, manifestText.length() / 2, manifestText.length() - 1}) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest cut at " + cut + " characters",
                () -> pkg.copy().rawManifest(manifestText.substring(0, cut)).zip()));
      }
      cases.add(
          new Case(
              "P001", tag + "manifest a JSON array", () -> pkg.copy().rawManifest("[]").zip()));
      cases.add(
          new Case(
              "P001",
              tag + "manifest in UTF-16",
              () -> {
                Pkg utf16 = pkg.copy();
                utf16.manifestOverride = manifestText.getBytes(StandardCharsets.UTF_16);
                return utf16.zip();
              }));
      List<Map.Entry<String, Object>> badManifestValues = new ArrayList<>();
      badManifestValues.add(Map.entry("format_version", 1.0));
      badManifestValues.add(Map.entry("format_version", "2.0"));
      badManifestValues.add(Map.entry("bank_code", 310109001));
      badManifestValues.add(Map.entry("sequence", "one"));
      badManifestValues.add(Map.entry("sequence", 0));
      badManifestValues.add(Map.entry("key_id", 7));
      badManifestValues.add(Map.entry("generated_at", 12));
      badManifestValues.add(Map.entry("generated_at", "yesterday"));
      badManifestValues.add(Map.entry("encoding", "UTF8"));
      badManifestValues.add(Map.entry("files", "x"));
      for (Map.Entry<String, Object> wrong : badManifestValues) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest " + wrong.getKey() + " = " + wrong.getValue(),
                () -> pkg.copy().manifest(m -> m.putPOJO(wrong.getKey(), wrong.getValue())).zip()));
      }
      for (String encoding : List.of("utf-16", "latin1", "", "GBK")) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest encoding '" + encoding + "'",
                () -> pkg.copy().manifest(m -> m.put("encoding", encoding)).zip()));
      }
      for (String key :
          List.of(
              "format_version",
              "bank_code",
              "period",
              "sequence",
              "key_id",
              "generated_at",
              "encoding",
              "files")) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest without " + key,
                () -> pkg.copy().manifest(m -> m.remove(key)).zip()));
      }
      cases.add(
          new Case(
              "P001",
              tag + "manifest unknown key",
              () -> pkg.copy().manifest(m -> m.put("x", 1)).zip()));
      cases.add(
          new Case(
              "P001",
              tag + "manifest files empty",
              () -> pkg.copy().manifest(m -> m.putArray("files")).zip()));
      for (String field : List.of("name", "type", "records", "sha256")) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest file entry without " + field,
                () ->
                    pkg.copy()
                        .manifest(m -> ((ObjectNode) m.get("files").get(0)).remove(field))
                        .zip()));
      }
      List<Map.Entry<String, Object>> wrongFile = new ArrayList<>();
      wrongFile.add(Map.entry("type", "PAYMENTS"));
      wrongFile.add(Map.entry("records", -1));
      wrongFile.add(Map.entry("sha256", "abc"));
      wrongFile.add(Map.entry("name", "x.txt"));
      for (Map.Entry<String, Object> wrong : wrongFile) {
        cases.add(
            new Case(
                "P001",
                tag + "manifest file " + wrong.getKey() + " = " + wrong.getValue(),
                () ->
                    pkg.copy()
                        .manifest(
                            m ->
                                ((ObjectNode) m.get("files").get(0))
                                    .putPOJO(wrong.getKey(), wrong.getValue()))
                        .zip()));
      }
      // P003: banks the registry does not know
      for (String unknown : List.of("999999-001", bank.substring(0, 7) + "999")) {
        cases.add(
            new Case(
                "P003",
                tag + "bank " + unknown,
                () -> pkg.copy().manifest(m -> m.put("bank_code", unknown)).zip()));
      }
      // P002: signatures
      cases.add(
          new Case(
              "P002", tag + "signature missing", () -> pkg.copy().drop("manifest.sig").zipBytes()));
      cases.add(
          new Case(
              "P002",
              tag + "signature by another key",
              () -> pkg.copy().signedByAnotherKey().zip()));
      for (String sig :
          List.of("%%%", "", "AAAA", Base64.getEncoder().encodeToString(new byte[64]))) {
        cases.add(
            new Case(
                "P002", tag + "signature '" + sig + "'", () -> pkg.copy().sig(sig).zipBytes()));
      }
      cases.add(
          new Case(
              "P002",
              tag + "signature of the manifest before an edit",
              () -> {
                Pkg edited = pkg.copy();
                byte[] sig =
                    Base64.getEncoder()
                        .encode(edited.sign(JSON.writeValueAsBytes(edited.manifest)));
                edited.manifest(
                    m ->
                        m.put(
                            "generated_at",
                            m.get("generated_at").asString().replace(":00", ":01")));
                edited.sigOverride = sig;
                return edited.zip();
              }));
      cases.add(
          new Case(
              "P002",
              tag + "unknown key_id",
              () -> pkg.copy().manifest(m -> m.put("key_id", "k1999")).zip()));
      // P006: periods
      for (String period :
          List.of(
              PERIOD.plusMonths(3).toString(),
              PERIOD.plusYears(2).toString(),
              "2000-01",
              "2026-13",
              "2026/10",
              "26-10")) {
        cases.add(
            new Case(
                "P006",
                tag + "period " + period,
                () -> pkg.copy().manifest(m -> m.put("period", period)).zip()));
      }
      // P004, P005 per data file; P008 per encoding; P010 per CSV column
      for (String type : List.of("PARTICIPANTS", "SERVICES", "TRANSACTIONS")) {
        String file = dataFile(pkg, type);
        cases.add(
            new Case(
                "P004",
                tag + file + " changed behind the manifest",
                () ->
                    pkg.copy()
                        .replaceUnsigned(file, t -> t + (file.endsWith(".csv") ? "\r\n" : "\n"))
                        .zipBytes()));
        cases.add(
            new Case(
                "P004",
                tag + file + " digest of another file",
                () ->
                    pkg.copy()
                        .manifest(
                            m ->
                                m.get("files")
                                    .forEach(
                                        f -> {
                                          if (f.get("name").asString().equals(file)) {
                                            ((ObjectNode) f).put("sha256", "ab".repeat(32));
                                          }
                                        }))
                        .zip()));
        for (long delta : new long[] {1, -1}) {
          cases.add(
              new Case(
                  "P005",
                  tag + file + " records " + (delta > 0 ? "+" : "") + delta,
                  () ->
                      pkg.copy()
                          .manifest(
                              m ->
                                  m.get("files")
                                      .forEach(
                                          f -> {
                                            if (f.get("name").asString().equals(file)) {
                                              ((ObjectNode) f)
                                                  .put(
                                                      "records", f.get("records").asLong() + delta);
                                            }
                                          }))
                          .zip()));
        }
      }
      String services = dataFile(pkg, "SERVICES");
      List<byte[]> invalid =
          bank.equals(GB_BANK)
              ? List.of(
                  new byte[] {(byte) 0x81, 0x20},
                  new byte[] {(byte) 0x84, 0x31, (byte) 0xA5, 0x7F},
                  new byte[] {(byte) 0xFF})
              : List.of(
                  new byte[] {(byte) 0xC3, 0x28},
                  new byte[] {(byte) 0xFF},
                  new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                  new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
      for (byte[] bad : invalid) {
        cases.add(
            new Case(
                "P008",
                tag + services + " bytes " + HexFormat.of().formatHex(bad),
                () -> pkg.copy().replace(services, b -> splice(b, bad)).zip()));
      }
      if (services.endsWith(".csv")) {
        String header =
            text(pkg.files.get(services)).lines().findFirst().orElseThrow().replace("\uFEFF", "");
        for (String column : header.split(",")) {
          cases.add(
              new Case(
                  "P010",
                  tag + "services header without " + column,
                  () ->
                      pkg.copy().replace(services, b -> withHeader(b, header, column, "")).zip()));
        }
        cases.add(
            new Case(
                "P010",
                tag + "services header repeating a column",
                () ->
                    pkg.copy()
                        .replace(services, b -> withHeader(b, header, "rating", "rating,rating"))
                        .zip()));
      }
    }
    // P007 and P012 against the packages applied by the tests before
    for (String bank : List.of(UTF8_BANK, JSONL_BANK)) {
      Pkg pkg = Pkg.of(clean(bank), keys());
      cases.add(
          new Case(
              "P007",
              bank + ": sequence 1 again with other content",
              () ->
                  pkg.copy()
                      .manifest(
                          m ->
                              m.put(
                                  "generated_at",
                                  m.get("generated_at").asString().replace(":00", ":02")))
                      .zip()));
      for (int seq : new int[] {9, 1000}) {
        cases.add(
            new Case(
                "P012",
                bank + ": sequence " + seq,
                () -> pkg.copy().manifest(m -> m.put("sequence", seq)).zip()));
      }
    }
    return cases.stream();
  }

  private static String dataFile(Pkg pkg, String type) {
    for (var f : pkg.manifest.get("files")) {
      if (f.get("type").asString().equals(type)) {
        return f.get("name").asString();
      }
    }
    throw new IllegalArgumentException(type);
  }

  private static byte[] noise(int length, long seed) {
    byte[] bytes = new byte[length];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] entries(Pkg pkg, int total) {
    Pkg many = pkg.copy();
    for (int i = 5; i < total; i++) {
      many.extra("extra" + i + ".csv", "x\n");
    }
    return many.zipBytes();
  }

  /** The CSV's header with {@code column} replaced by {@code replacement} (removed when empty). */
  private static byte[] withHeader(byte[] bytes, String header, String column, String replacement) {
    List<String> columns = new ArrayList<>(List.of(header.split(",")));
    int at = columns.indexOf(column);
    if (replacement.isEmpty()) {
      columns.remove(at);
    } else {
      columns.set(at, replacement);
    }
    String content = text(bytes);
    int end = content.indexOf('\n');
    String eol = content.charAt(end - 1) == '\r' ? "\r\n" : "\n";
    int start = content.startsWith("\uFEFF") ? 1 : 0;
    return (content.substring(0, start)
            + String.join(",", columns)
            + eol
            + content.substring(end + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The central directory entry of {@code name} marked as made on Unix with file {@code mode}. */
  private static byte[] unixType(byte[] zip, String name, int mode) {
    byte[] copy = zip.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < copy.length; i++) {
      if (buffer.getInt(i) == 0x02014b50
          && (buffer.getShort(i + 28) & 0xFFFF) == wanted.length
          && Arrays.equals(copy, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
        buffer.putShort(i + 4, (short) ((3 << 8) | 20));
        buffer.putInt(i + 38, mode << 16);
      }
    }
    return copy;
  }

  // --- the corpus machinery ---

  private Receipt correction(Pkg base, String file, List<String> added) throws IOException {
    Pkg corr = base.copy();
    String eol = file.endsWith(".csv") ? "\r\n" : "\n";
    String content = text(corr.files.get(file));
    if (!content.endsWith(eol)) {
      content += eol;
    }
    content += String.join(eol, added) + eol;
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    long records = corr.records(file) + added.size();
    String bank = corr.manifest.get("bank_code").asString();
    int seq = sequences.merge(bank, 1, Integer::sum) + 1;
    corr.replace(file, b -> bytes)
        .manifest(
            m -> {
              m.put("sequence", seq);
              m.get("files")
                  .forEach(
                      f -> {
                        if (f.get("name").asString().equals(file)) {
                          ((ObjectNode) f).put("records", records);
                        }
                      });
            });
    Receipt receipt = submissions.ingest(write("correction-" + seq, corr.zip()));
    if (receipt.status() == ReceiptStatus.RJCT) {
      sequences.merge(bank, -1, Integer::sum);
    }
    return receipt;
  }

  private void rejected(String code, String what, byte[] delivery) throws IOException {
    long entries = count("ledger_entries");
    long packages = count("packages");
    Path path = write(what.replaceAll("[^a-zA-Z0-9]+", "-"), delivery);
    Receipt receipt;
    try {
      receipt = submissions.ingest(path);
    } catch (RuntimeException e) {
      failures.add(what + ": threw " + e);
      return;
    }
    if (receipt.status() != ReceiptStatus.RJCT
        || receipt.counts().codes().size() != 1
        || !java.util.Set.of(code.split("\\|"))
            .contains(receipt.counts().codes().keySet().iterator().next())) {
      failures.add(
          what
              + ": expected RJCT "
              + code
              + ", got "
              + receipt.status()
              + " "
              + receipt.rejected());
      return;
    }
    assertThat(receipt.rejected())
        .as(what)
        .singleElement()
        .satisfies(BadInputCorpusTests::readable);
    assertThat(count("ledger_entries")).as(what).isEqualTo(entries);
    assertThat(count("packages")).as(what + ": its RJCT receipt stored").isEqualTo(packages + 1);
    assertThat(submissions.receipt(receipt.packageId())).as(what).isPresent();
  }

  private static void readable(ReceiptLine line) {
    assertThat(line.message())
        .isNotBlank()
        .contains(" / ")
        .containsPattern("\\p{IsHan}")
        .doesNotContain("Exception", "\tat ", "at cn.timebank", "at java.")
        .hasSizeLessThan(2_000);
  }

  private static List<String> codes(Receipt receipt) {
    return receipt.rejected().stream()
        .map(l -> l.file() + " " + l.line() + " " + l.field() + " " + l.code())
        .toList();
  }

  private static String withField(
      String csvLine,
      List<String> columns,
      String refColumn,
      String ref,
      String column,
      String value) {
    String[] fields = csvLine.split(",", -1);
    fields[columns.indexOf(refColumn)] = ref;
    fields[columns.indexOf(column)] = value;
    return String.join(",", fields);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path path = out.resolve(name + "-" + System.nanoTime() + ".zip");
    Files.write(path, bytes);
    return path;
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private Path clean(String bank) {
    return world.resolve(bank + "_" + PERIOD + "_1.zip");
  }

  private Path keys() {
    return world.resolve("keys");
  }

  /** Letters that deflate hardly at all (so that only the manifest's size is wrong). */
  private static String incompressible(int length) {
    java.util.Random random = new java.util.Random(7);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private static byte[] raw(byte[] bytes) {
    return bytes;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes with {@code bad} put in the middle of the second line. */
  private static byte[] splice(byte[] bytes, byte[] bad) {
    int firstEnd = indexOf(bytes, (byte) '\n') + 1;
    int at = firstEnd + 3;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(bad);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The compressed data of the largest entry overwritten with noise. */
  private static byte[] corruptData(byte[] zip) {
    byte[] copy = zip.clone();
    for (int i = copy.length / 3; i < copy.length / 3 + 64; i++) {
      copy[i] = (byte) (i * 31);
    }
    return copy;
  }

  /** Two entries of one name: written under two names, then one renamed in place. */
  private static byte[] twice(Pkg pkg) {
    byte[] zip = pkg.copy().extra("services.csx", "x\n").zipBytes();
    byte[] from = "services.csx".getBytes(StandardCharsets.US_ASCII);
    byte[] to = "services.csv".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= zip.length; i++) {
      if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, zip, i, to.length);
      }
    }
    return zip;
  }

  /** The central directory's uncompressed size of {@code entry} set to {@code size}. */
  private static byte[] declaredSize(byte[] zip, String entry, long size) {
    byte[] copy = zip.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 46 < copy.length; i++) {
      if (buffer.getInt(i) == 0x02014b50
          && buffer.getShort(i + 28) == name.length
          && Arrays.equals(copy, i + 46, i + 46 + name.length, name, 0, name.length)) {
        buffer.putInt(i + 24, (int) size);
      }
    }
    return copy;
  }

  /** services.csv padded with 20 MB of blank lines: it deflates over 1000 to 1. */
  private static byte[] bomb(Pkg pkg) {
    return pkg.copy()
        .replace(
            "services.csv",
            b -> {
              byte[] padded = Arrays.copyOf(b, b.length + 20_000_000);
              Arrays.fill(padded, b.length, padded.length, (byte) '\n');
              return padded;
            })
        .zip();
  }

  private static byte[] manyEntries(Pkg pkg) {
    Pkg many = pkg.copy();
    for (int i = 0; i < 20; i++) {
      many.extra("extra" + i + ".csv", "x\n");
    }
    return many.zipBytes();
  }

  /** A package as entries, re-signed with the bank's key whenever its manifest is rebuilt. */
  private static final class Pkg {
    final Map<String, byte[]> files;
    final Path keys;
    ObjectNode manifest;
    byte[] manifestOverride;
    byte[] sigOverride;
    final Map<String, byte[]> extras = new LinkedHashMap<>();
    final List<String> dropped = new ArrayList<>();
    boolean anotherKey;

    private Pkg(Map<String, byte[]> files, ObjectNode manifest, Path keys) {
      this.files = files;
      this.manifest = manifest;
      this.keys = keys;
    }

    static Pkg of(Path zip, Path keys) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      try (ZipFile file = new ZipFile(zip.toFile())) {
        for (ZipEntry entry : Collections.list(file.entries())) {
          try (InputStream in = file.getInputStream(entry)) {
            entries.put(entry.getName(), in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ObjectNode manifest = (ObjectNode) JSON.readTree(entries.remove("manifest.json"));
      entries.remove("manifest.sig");
      return new Pkg(entries, manifest, keys);
    }

    Pkg copy() {
      Pkg copy = new Pkg(new LinkedHashMap<>(files), manifest.deepCopy(), keys);
      copy.manifestOverride = manifestOverride;
      copy.sigOverride = sigOverride;
      copy.extras.putAll(extras);
      copy.dropped.addAll(dropped);
      copy.anotherKey = anotherKey;
      return copy;
    }

    long records(String file) {
      for (var f : manifest.get("files")) {
        if (f.get("name").asString().equals(file)) {
          return f.get("records").asLong();
        }
      }
      throw new IllegalArgumentException(file);
    }

    Pkg manifest(Consumer<ObjectNode> edit) {
      edit.accept(manifest);
      return this;
    }

    Pkg rawManifest(String text) {
      manifestOverride = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Pkg sig(String text) {
      sigOverride = text.getBytes(StandardCharsets.US_ASCII);
      return this;
    }

    Pkg signedByAnotherKey() {
      anotherKey = true;
      return this;
    }

    Pkg extra(String name, String content) {
      extras.put(name, content.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Pkg drop(String name) {
      dropped.add(name);
      return this;
    }

    /** A data file changed and the manifest updated to match (digest), signed again. */
    Pkg replace(String file, java.util.function.UnaryOperator<byte[]> edit) {
      byte[] bytes = edit.apply(files.get(file));
      files.put(file, bytes);
      manifest
          .get("files")
          .forEach(
              f -> {
                if (f.get("name").asString().equals(file)) {
                  ((ObjectNode) f).put("sha256", sha256(bytes));
                }
              });
      return this;
    }

    /** A data file changed behind the manifest's back. */
    Pkg replaceUnsigned(String file, java.util.function.UnaryOperator<String> edit) {
      files.put(file, edit.apply(text(files.get(file))).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** A ZIP with the manifest signed by the bank's key (or another where asked). */
    byte[] zip() {
      return zipBytes();
    }

    byte[] zipBytes() {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      byte[] manifestBytes =
          manifestOverride != null ? manifestOverride : JSON.writeValueAsBytes(manifest);
      entries.put("manifest.json", manifestBytes);
      entries.put(
          "manifest.sig",
          sigOverride != null ? sigOverride : Base64.getEncoder().encode(sign(manifestBytes)));
      entries.putAll(files);
      entries.putAll(extras);
      dropped.forEach(entries::remove);
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
          for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            zip.putNextEntry(new ZipEntry(entry.getKey()));
            zip.write(entry.getValue());
            zip.closeEntry();
          }
        }
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] sign(byte[] data) {
      try {
        PrivateKey key;
        if (anotherKey) {
          key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        } else if (!field(manifest, "bank_code").isEmpty()
            && Files.exists(keyFile(field(manifest, "bank_code"), field(manifest, "key_id")))) {
          Path file = keyFile(field(manifest, "bank_code"), field(manifest, "key_id"));
          key =
              KeyFactory.getInstance("Ed25519")
                  .generatePrivate(
                      new PKCS8EncodedKeySpec(
                          Base64.getDecoder().decode(Files.readString(file).strip())));
        } else {
          // no key for what the manifest names (an unknown bank or key id): any key will do
          key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        }
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private Path keyFile(String bank, String keyId) {
      Path file = keys.resolve(bank + "." + keyId + ".pk8");
      return Files.exists(file) ? file : keys.resolve("310109-001." + keyId + ".pk8");
    }

    private static String field(ObjectNode manifest, String field) {
      var node = manifest.get(field);
      return node != null && node.isString() ? node.asString() : "";
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
