package vn.ideabank.common.web;

import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the filters that run before all others: {@link TrustedProxyFilter} first of all filters (before security, so the sign-in throttle
 * and every link see the real client). Boot's own handling is off ({@code server.forward-headers-strategy=none}):
 * it believed whoever sent the headers. Then {@link RequestBodyLimitFilter}.
 */
@Configuration(proxyBeanMethods = false)
class FirstFiltersConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FirstFiltersConfiguration.class);

	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(
			@Value("${ideabank.web.trusted-proxies:}") List<String> proxies) {
		TrustedProxies trusted = TrustedProxies.of(proxies);
		if (trusted.isEmpty()) {
			log.info("Forwarded headers are ignored (no trusted proxy: set IDEABANK_TRUSTED_PROXIES behind a reverse proxy)");
		}
		else {
			log.info("Forwarded headers are honoured from {}", trusted.entries());
		}
		var registration = new FilterRegistrationBean<>(new TrustedProxyFilter(trusted));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	/** Right after the proxy filter: a body over the limit is refused before security or parsing reads it. */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
			@Value("${ideabank.web.max-json-bytes:1MB}") org.springframework.util.unit.DataSize max) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(max.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}
}
