package vn.ideabank.common.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Web conventions: Vietnamese first ({@code ?lang=en} switches to English and a cookie remembers
 * the choice; only Vietnamese and English are ever resolved), and a form sent back with errors
 * answers 422, not 200. Static files are served from their own folders only: with Boot's default
 * {@code /**} pattern every link a template writes went through the resource chain as a file lookup
 * in the jar (misses are not cached), which was most of the list page's time.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("IDEABANK_LANG") {
			@Override
			public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
				Locale locale = super.resolveLocale(request);
				// a hand-made cookie must not select a language we have no texts for
				return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
					.orElse(VIETNAMESE);
			}
		};
		// Pages are Vietnamese until the person picks English; an API client's Accept-Language is honoured.
		resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader("Accept-Language") != null ? request.getLocale() : VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	/** Replaces Boot's mappings ({@code spring.web.resources.add-mappings=false}). */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js", "img")) {
			registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
		}
		// version-less webjar paths (/webjars/htmx.org/dist/htmx.min.js) through webjars-locator-lite
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLocaleOnly(change));
		registry.addInterceptor(new InvalidFormStatus());
	}

	/** A page re-rendered with binding errors is a refusal: 422 Unprocessable Content (unless already 4xx, e.g. 409). */
	private static final class InvalidFormStatus implements org.springframework.web.servlet.HandlerInterceptor {

		@Override
		public void postHandle(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Object handler,
				org.springframework.web.servlet.ModelAndView mav) {
			if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
				return;
			}
			boolean invalid = mav.getModel().values().stream()
				.anyMatch(v -> v instanceof org.springframework.validation.BindingResult r && r.hasErrors());
			// a controller that already chose a refusal (409 for a stale form) keeps it
			if (invalid && response.getStatus() < 400) {
				response.setStatus(422);
			}
		}
	}

	/** Ignores {@code ?lang=} values other than the supported languages. */
	private record SupportedLocaleOnly(LocaleChangeInterceptor delegate) implements org.springframework.web.servlet.HandlerInterceptor {

		@Override
		public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Object handler) throws jakarta.servlet.ServletException {
			String lang = request.getParameter("lang");
			if (lang == null || SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(lang))) {
				return delegate.preHandle(request, response, handler);
			}
			return true;
		}
	}
}
