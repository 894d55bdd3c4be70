package vn.ideabank.search;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox poller runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchConfiguration {
}
