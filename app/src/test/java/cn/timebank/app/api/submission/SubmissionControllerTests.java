package cn.timebank.app.api.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.timebank.app.access.ScopePolicy;
import cn.timebank.app.audit.Auditor;
import cn.timebank.app.audit.Caller;
import cn.timebank.app.ingest.IngestionUnavailableException;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(
    controllers = SubmissionController.class,
    properties = {
      "spring.servlet.multipart.max-file-size=1KB",
      "logging.file.name=target/test-logs/timebank.log"
    })
@AutoConfigureMockMvc(addFilters = false) // who may call: AccessMatrixIntegrationTests
@Import(SubmissionSlice.class)
class SubmissionControllerTests {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    SubmissionSlice.dataDir(registry);
  }

  static final String ID = "310109-001_2026-10_1_3f2a9c1e";

  @Autowired MockMvc mvc;

  @MockitoBean Submissions submissions;
  @MockitoBean ScopePolicy scope;

  @BeforeEach
  void everyBankInScope() {
    given(scope.canSeeBank(any())).willReturn(true);
  }

  @MockitoBean Auditor auditor;

  static Receipt receipt(List<ReceiptLine> rejected) {
    return new Receipt(
        ID,
        "3f2a9c1e",
        "310109-001",
        "2026-10",
        1,
        OffsetDateTime.parse("2026-11-05T09:12:44+08:00"),
        OffsetDateTime.parse("2026-11-10T23:59:59+08:00"),
        false,
        rejected.isEmpty() ? ReceiptStatus.ACPT : ReceiptStatus.PART,
        new Counts(
            Map.of("services.csv", new FileCount(35, 35 - rejected.size(), rejected.size())),
            Map.of()),
        rejected,
        List.of());
  }

  static MockMultipartFile zip(int size) {
    return new MockMultipartFile("file", "p.zip", "application/zip", new byte[size]);
  }

  @Test
  void acceptsAnUploadWithTheReceiptAndItsLocation() throws Exception {
    AtomicReference<byte[]> ingested = new AtomicReference<>();
    given(submissions.ingest(any()))
        .willAnswer(
            call -> {
              Path delivery = call.getArgument(0);
              ingested.set(Files.readAllBytes(delivery));
              return receipt(List.of());
            });

    mvc.perform(multipart("/api/v1/submissions").file(zip(100)))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/submissions/" + ID))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.package_id").value(ID))
        .andExpect(jsonPath("$.received_at").value("2026-11-05T09:12:44+08:00"))
        .andExpect(jsonPath("$.counts.files['services.csv'].accepted").value(35));
    assertThat(ingested.get()).hasSize(100);
    verify(auditor)
        .upload(
            eq(new Caller("anonymous", "http:127.0.0.1")),
            eq("p.zip"),
            argThat(r -> r.packageId().equals(ID)));
  }

  @Test
  void keepsTheUploadUnderTheClientsFileNameAndRemovesItAfterwards() throws Exception {
    AtomicReference<Path> ingested = new AtomicReference<>();
    given(submissions.ingest(any()))
        .willAnswer(
            call -> {
              Path delivery = call.getArgument(0);
              assertThat(delivery).isRegularFile();
              ingested.set(delivery);
              return receipt(List.of());
            });

    mvc.perform(
            multipart("/api/v1/submissions")
                .file(
                    new MockMultipartFile(
                        "file", "../310109-001_2026-09_1.zip", "application/zip", new byte[10])))
        .andExpect(status().isAccepted());

    assertThat(ingested.get().getFileName()).hasToString("310109-001_2026-09_1.zip");
    assertThat(ingested.get().getParent().getParent().getFileName()).hasToString("uploads");
    assertThat(ingested.get()).doesNotExist();
    assertThat(ingested.get().getParent()).doesNotExist();
  }

  @Test
  void answersAMissingFilePartWith400Problem() throws Exception {
    mvc.perform(
            multipart("/api/v1/submissions")
                .file(new MockMultipartFile("other", "p.zip", "application/zip", new byte[10])))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("E_UPLOAD_MISSING"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("缺少上传文件")))
        .andExpect(jsonPath("$.trace").doesNotExist());
    verify(submissions, never()).ingest(any());
  }

  @Test
  void answersAnUploadOverTheLimitWith413Problem() throws Exception {
    mvc.perform(multipart("/api/v1/submissions").file(zip(2048)))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("E_UPLOAD_TOO_LARGE"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1024 bytes")));
    verify(submissions, never()).ingest(any());
  }

  @Test
  void answersWith503WhenIngestionIsNotAvailable() throws Exception {
    given(submissions.ingest(any())).willThrow(new IngestionUnavailableException());

    mvc.perform(multipart("/api/v1/submissions").file(zip(10)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("E_INGESTION_UNAVAILABLE"))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not available")));
  }

  @Test
  void answersAFailedRunWith500ProblemWithoutStackTrace() throws Exception {
    given(submissions.ingest(any())).willThrow(new IllegalStateException("disk on fire"));

    String body =
        mvc.perform(multipart("/api/v1/submissions").file(zip(10)))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.code").value("E_INTERNAL"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("disk on fire", "IllegalStateException", "at cn.");
    verify(auditor)
        .uploadFailed(
            eq(new Caller("anonymous", "http:127.0.0.1")),
            eq("p.zip"),
            argThat(e -> e.getMessage().equals("disk on fire")));
  }

  @Test
  void refusesAPackageOfABankOutOfScopeAndAuditsItAsRefused() throws Exception {
    given(scope.canSeeBank("430102-001")).willReturn(false);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
      zip.write(
          "{\"bank_code\": \"430102-001\", \"period\": \"2026-10\", \"sequence\": 1}"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    mvc.perform(
            multipart("/api/v1/submissions")
                .file(
                    new MockMultipartFile(
                        "file", "other.zip", "application/zip", bytes.toByteArray())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_BANK_NOT_FOUND"));

    verify(submissions, never()).ingest(any());
    verify(auditor)
        .uploadRefused(new Caller("anonymous", "http:127.0.0.1"), "other.zip", "430102-001");
    verify(auditor, never()).uploadFailed(any(), any(), any());
  }

  @Test
  void returnsTheReceiptInSnakeCase() throws Exception {
    given(submissions.receipt(ID)).willReturn(Optional.of(receipt(List.of())));

    mvc.perform(get("/api/v1/submissions/{id}", ID))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.package_id").value(ID))
        .andExpect(jsonPath("$.bank_code").value("310109-001"))
        .andExpect(jsonPath("$.due_at").value("2026-11-10T23:59:59+08:00"))
        .andExpect(jsonPath("$.status").value("ACPT"));
  }

  @Test
  void answersAnUnknownPackageWith404Problem() throws Exception {
    given(submissions.receipt("nope")).willReturn(Optional.empty());

    mvc.perform(get("/api/v1/submissions/nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.code").value("E_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value("没有提交包 nope 的回执 / no receipt for package nope"));
  }

  @Test
  void answersAPackageOfABankOutOfScopeAsAnUnknownOne() throws Exception {
    given(submissions.receipt(ID)).willReturn(Optional.of(receipt(List.of())));
    given(submissions.receipt("nope")).willReturn(Optional.empty());
    given(scope.canSeeBank("310109-001")).willReturn(false);

    String hidden =
        mvc.perform(get("/api/v1/submissions/{id}", ID))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String unknown =
        mvc.perform(get("/api/v1/submissions/nope"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(hidden.replace(ID, "nope")).isEqualTo(unknown);
    mvc.perform(get("/api/v1/submissions/{id}/rejects.csv", ID))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_NOT_FOUND"));
  }

  @Test
  void answersAnUnknownPackagesCsvWith404Problem() throws Exception {
    given(submissions.receipt("nope")).willReturn(Optional.empty());

    mvc.perform(get("/api/v1/submissions/nope/rejects.csv"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_NOT_FOUND"));
  }

  @Test
  void writesTheRejectedLinesAsCsvWithBomAndNeutralisedFormulas() throws Exception {
    List<ReceiptLine> rejected =
        List.of(
            new ReceiptLine(
                "services.csv", 21L, "S040", "end", "R103", "结束时间早于开始时间 / end is not after start"),
            new ReceiptLine("services.csv", 22L, "=cmd|' /C calc'!A0", null, "R101", "a, \"b\""));
    given(submissions.receipt(ID)).willReturn(Optional.of(receipt(rejected)));

    byte[] body =
        mvc.perform(get("/api/v1/submissions/{id}/rejects.csv", ID))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString(ID + ".rejects.csv")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFfile,line,ref,field,code,message\r\n"
                + "services.csv,21,S040,end,R103,结束时间早于开始时间 / end is not after start\r\n"
                + "services.csv,22,'=cmd|' /C calc'!A0,,R101,\"a, \"\"b\"\"\"\r\n");
  }
}
