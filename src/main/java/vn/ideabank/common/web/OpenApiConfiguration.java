package vn.ideabank.common.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API document's title and its one authentication scheme: a personal token as a bearer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI ideabankOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Ideabank API").version("v1")
				.description("Ngân hàng ý tưởng sáng tạo. Errors are RFC 9457 problem details; "
						+ "send Accept-Language: en for English messages."))
			.components(new Components().addSecuritySchemes("token", new SecurityScheme()
				.type(SecurityScheme.Type.HTTP).scheme("bearer")
				.description("A personal API token (ib_…) created on the profile page")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
