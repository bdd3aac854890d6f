package cn.timebank.app.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI description served at {@code /v3/api-docs} (springdoc). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfiguration {

  @Bean
  OpenAPI timebankOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("时间银行监管平台 / Time bank supervision platform")
                .version("v1")
                .description(
                    "Submission packages and receipts (submission-spec §5). Errors are RFC 9457"
                        + " problems with a stable `code`."));
  }
}
