package cn.timebank.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title of the OpenAPI description served at {@code /v3/api-docs} (springdoc) and its security
 * scheme: every operation wants {@code Authorization: Bearer TOKEN} (a personal access token or a
 * JWT of the configured issuer).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfiguration {

  static final String BEARER = "bearer";

  @Bean
  OpenAPI timebankOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "个人访问令牌（./timebank token create）或配置的签发方的 JWT / a personal"
                                + " access token (tbp_..., ./timebank token create) or a JWT of"
                                + " the configured issuer. 401 E_UNAUTHENTICATED without one,"
                                + " 403 E_FORBIDDEN when the role may not call the operation,"
                                + " 404 for a bank beyond the caller's scope, 429"
                                + " E_RATE_LIMITED over the rate limit.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER))
        .info(
            new Info()
                .title("时间银行监管平台 / Time bank supervision platform")
                .version("v1")
                .description(
                    "Submission packages and receipts (submission-spec §5). Errors are RFC 9457"
                        + " problems with a stable `code`."));
  }
}
