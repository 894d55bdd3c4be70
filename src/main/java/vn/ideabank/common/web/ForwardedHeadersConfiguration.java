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
 * Registers {@link TrustedProxyFilter} first of all filters (before security, so the sign-in throttle
 * and every link see the real client). Boot's own handling is off ({@code server.forward-headers-strategy=none}):
 * it believed whoever sent the headers.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersConfiguration.class);

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
}
