package cn.timebank.app.api;

import org.springframework.http.HttpStatus;

/**
 * The problems the API answers with (RFC 9457), each with a stable {@code code} for programs and a
 * detail in Chinese, then English, for people ({@code "中文 / English"}, as in receipts). The
 * templates take {@link String#format} arguments.
 */
public enum ApiProblem {
  UPLOAD_MISSING(
      HttpStatus.BAD_REQUEST,
      "E_UPLOAD_MISSING",
      "缺少上传文件：请以 multipart/form-data 的 file 部分上传 ZIP",
      "no upload: send the ZIP as the multipart/form-data part 'file'"),
  UPLOAD_EMPTY(HttpStatus.BAD_REQUEST, "E_UPLOAD_EMPTY", "上传文件为空", "the uploaded file is empty"),
  UPLOAD_TOO_LARGE(
      HttpStatus.CONTENT_TOO_LARGE,
      "E_UPLOAD_TOO_LARGE",
      "上传文件超过大小上限 %s",
      "the upload is larger than the limit of %s"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "E_NOT_FOUND", "未找到：%s", "not found: %s"),
  RECEIPT_NOT_FOUND(
      HttpStatus.NOT_FOUND, "E_NOT_FOUND", "没有提交包 %s 的回执", "no receipt for package %s"),
  BANK_NOT_FOUND(
      HttpStatus.NOT_FOUND, "E_BANK_NOT_FOUND", "登记册中没有银行 %s", "no bank %s in the registry"),
  PARTICIPANT_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "E_PARTICIPANT_NOT_FOUND",
      "银行 %s 没有已评分的参与者 %s",
      "bank %s has no scored participant %s"),
  SCORE_PERIOD_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "E_PERIOD_NOT_FOUND",
      "参与者 %s 在 %s 没有评分",
      "participant %s has no score for %s"),
  RATING_PERIOD_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "E_PERIOD_NOT_FOUND",
      "银行 %s 在 %s 没有评级（请先运行 score）",
      "bank %s has no rating for %s (run score first)"),
  PERIOD_INVALID(
      HttpStatus.BAD_REQUEST,
      "E_PERIOD_INVALID",
      "期间须为 YYYY-MM，例如 2026-10（收到 %s）",
      "period must be YYYY-MM, e.g. 2026-10 (was %s)"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "E_BAD_REQUEST", "请求无效：%s", "bad request: %s"),
  REPORT_INVALID(HttpStatus.BAD_REQUEST, "E_REPORT_INVALID", "报表参数无效：%s", "bad report request: %s"),
  METHOD_NOT_ALLOWED(
      HttpStatus.METHOD_NOT_ALLOWED,
      "E_METHOD_NOT_ALLOWED",
      "不支持该请求方法：%s",
      "method not allowed: %s"),
  NOT_ACCEPTABLE(
      HttpStatus.NOT_ACCEPTABLE, "E_NOT_ACCEPTABLE", "无法提供所请求的格式：%s", "not acceptable: %s"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "E_UNSUPPORTED_MEDIA_TYPE",
      "不支持的内容类型：%s（应为 %s）",
      "unsupported media type: %s (expected %s)"),
  UNAUTHENTICATED(
      HttpStatus.UNAUTHORIZED,
      "E_UNAUTHENTICATED",
      "需要身份验证：请以 Authorization: Bearer 令牌调用（令牌无效、过期或已撤销时亦然）",
      "authentication required: call with Authorization: Bearer TOKEN (also when the token is"
          + " invalid, expired or revoked)"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "E_FORBIDDEN", "您的角色无权调用 %s", "your role may not call %s"),
  RATE_LIMITED(
      HttpStatus.TOO_MANY_REQUESTS,
      "E_RATE_LIMITED",
      "请求过于频繁：每个令牌每分钟最多 %s 次，请 %s 秒后重试",
      "too many requests: at most %s a minute per token; retry in %s s"),
  INGESTION_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "E_INGESTION_UNAVAILABLE",
      "数据接收暂不可用",
      "ingestion not available"),
  INTERNAL(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "E_INTERNAL",
      "服务器内部错误，详情见服务器日志",
      "internal error; the details are in the server log");

  private final HttpStatus status;
  private final String code;
  private final String zh;
  private final String en;

  ApiProblem(HttpStatus status, String code, String zh, String en) {
    this.status = status;
    this.code = code;
    this.zh = zh;
    this.en = en;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** {@code "中文 / English"} with the arguments filled in. */
  public String detail(Object... args) {
    return String.format(zh, args) + " / " + String.format(en, args);
  }
}
