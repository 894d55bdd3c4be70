package vn.ideabank.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Pages: form sign-in, CSRF on every form, a strict Content-Security-Policy (no inline script or
 * style). API: the same session, or a personal bearer token on a stateless chain of its own; errors as
 * problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable
	}

	/**
	 * The one authentication manager, holding the one provider and no parent: registered both as a bean
	 * and on {@code HttpSecurity} before, the provider ran twice per sign-in (the chain's manager, then
	 * its parent), so every failure was counted twice and five allowed failures became three.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
			LoginThrottle throttle, AccountService accounts) {
		return new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle, accounts));
	}

	/**
	 * {@code /api/**} called with {@code Authorization: Bearer ib_…}: stateless. The token signs in
	 * this one request; no session is created or read and no CSRF token is needed (a browser never
	 * sends the header on its own).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain bearerApiChain(HttpSecurity http, AccountService accounts, ApiProblems problems) throws Exception {
		http.securityMatcher(request -> ApiProblems.isApi(request) && BearerTokenFilter.hasBearer(request))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(accounts, problems), UsernamePasswordAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint(
						(request, response, e) -> problems.write(request, response, 401, "unauthorized", "error.unauthorized"))
				.accessDeniedHandler((request, response, e) -> denied(request, response, e, problems)));
		return headers(http).build();
	}

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, ApiProblems problems, AuthenticationManager authentication) throws Exception {
		var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		loginPage.setFavorRelativeUris(true); // "/login", not an address built from the request's host
		var backToAskedPage = new SavedRequestAwareAuthenticationSuccessHandler();
		backToAskedPage.setDefaultTargetUrl("/");
		backToAskedPage.setRedirectStrategy(new RelativeRedirects());
		http.authenticationManager(authentication)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/public", "/public/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				// the start page: the showcase for visitors, the signed-in home otherwise (HomeController)
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/").permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				// metrics (heap, CPU, requests) read by operators and the benchmark harness: administrators only
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler(backToAskedPage).failureHandler(failureHandler()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.invalidSessionStrategy((request, response) -> {
				if (ApiProblems.isApi(request)) {
					problems.write(request, response, 401, "unauthorized", "error.sessionExpired");
				}
				else {
					request.getSession(true);
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
			}))
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> {
					if (ApiProblems.isApi(request)) {
						problems.write(request, response, 401, "unauthorized", "error.unauthorized");
					}
					else {
						loginPage.commence(request, response, e);
					}
				})
				.accessDeniedHandler((request, response, e) -> denied(request, response, e, problems)));
		return headers(http).build();
	}

	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
	}

	private static void denied(HttpServletRequest request, HttpServletResponse response, Exception e, ApiProblems problems)
			throws IOException {
		boolean csrf = e instanceof CsrfException;
		if (ApiProblems.isApi(request)) {
			problems.write(request, response, 403, csrf ? "csrf" : "forbidden", csrf ? "error.csrf" : "error.forbidden");
			return;
		}
		if (csrf && request.getRequestURI().equals(request.getContextPath() + "/login")) {
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		request.setAttribute("ideabankDenied", csrf ? "error.csrf" : "error.forbidden");
		response.sendError(403);
	}

	private static AuthenticationFailureHandler failureHandler() {
		return (request, response, e) -> {
			String reason;
			if (e instanceof ThrottledAuthenticationProvider.Throttled t) {
				reason = "locked&minutes=" + t.minutes;
			}
			else if (e instanceof DisabledException) {
				reason = "disabled"; // said only after the right password (ThrottledAuthenticationProvider)
			}
			else {
				// wrong password, unknown and disabled user read the same, so usernames cannot be probed
				reason = "bad";
			}
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}
}
