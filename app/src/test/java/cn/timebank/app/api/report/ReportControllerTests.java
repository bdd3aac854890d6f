package cn.timebank.app.api.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportRequestException;
import cn.timebank.app.report.ReportType;
import cn.timebank.app.report.Reports;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The report door: the request it builds, the file it answers, the problems it answers with. */
@WebMvcTest(
    controllers = ReportController.class,
    properties = "logging.file.name=target/test-logs/timebank.log")
@AutoConfigureMockMvc(
    addFilters = false) // who may fetch which report: AccessMatrixIntegrationTests
class ReportControllerTests {

  @Autowired MockMvc mvc;

  @MockitoBean Reports reports;
  @MockitoBean ReportAccess access; // lets every request through

  @Test
  void answersTheRenderedFileWithItsContentTypeAndAFileName() throws Exception {
    willAnswer(
            call -> {
              call.getArgument(1, OutputStream.class)
                  .write("%PDF-1.7 overview".getBytes(StandardCharsets.US_ASCII));
              return null;
            })
        .given(reports)
        .render(any(), any());

    mvc.perform(get("/api/v1/reports/overview").param("region", "31").param("period", "2026-10"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"overview-31-2026-10.zh-CN.pdf\""))
        .andExpect(content().string("%PDF-1.7 overview"));
    verify(reports)
        .render(
            argThat(
                (ReportRequest r) ->
                    r.type() == ReportType.OVERVIEW
                        && "31".equals(r.region())
                        && YearMonth.of(2026, 10).equals(r.period())
                        && r.format() == ReportFormat.PDF
                        && r.locale().equals(ReportLocales.ZH_CN)),
            any());
  }

  @Test
  void spreadsheetsAndEnglishAsAsked() throws Exception {
    mvc.perform(
            get("/api/v1/reports/policy")
                .param("region", "31")
                .param("from", "2026-01")
                .param("to", "2026-10")
                .param("format", "xlsx")
                .param("locale", "en"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    Matchers.containsString("policy-31-2026-01_2026-10.en.xlsx")));
  }

  @Test
  void aBadParameterIsA400WithItsCodeAndNothingIsRendered() throws Exception {
    mvc.perform(
            get("/api/v1/reports/compliance")
                .param("bank", "310109-001")
                .param("period", "2026-13"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("E_REPORT_INVALID"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("period must be YYYY-MM")));
    mvc.perform(get("/api/v1/reports/ledger"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("E_REPORT_INVALID"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("unknown report type")));
    mvc.perform(get("/api/v1/reports/receipt").param("package", "p").param("format", "doc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("E_REPORT_INVALID"));
    verify(reports, never()).render(any(), any());
  }

  @Test
  void aMissingParameterFoundByTheServiceIsA400Too() throws Exception {
    willThrow(new ReportRequestException(ReportRequestException.Kind.INVALID, "region is required"))
        .given(reports)
        .render(any(), any());
    mvc.perform(get("/api/v1/reports/overview").param("period", "2026-10"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("E_REPORT_INVALID"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("region is required")));
  }

  @Test
  void anUnknownBankIsA404WithTheBanksCode() throws Exception {
    willThrow(
            new ReportRequestException(
                ReportRequestException.Kind.BANK_NOT_FOUND, "no bank '999999-999' is registered"))
        .given(reports)
        .render(any(), any());
    mvc.perform(
            get("/api/v1/reports/compliance")
                .param("bank", "999999-999")
                .param("period", "2026-10"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("E_BANK_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("999999-999")));
  }

  @Test
  void anUnknownRegionIsA404() throws Exception {
    willThrow(
            new ReportRequestException(
                ReportRequestException.Kind.NOT_FOUND, "no bank is registered in region 99"))
        .given(reports)
        .render(any(), any());
    mvc.perform(get("/api/v1/reports/overview").param("region", "99").param("period", "2026-10"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_NOT_FOUND"));
  }
}
