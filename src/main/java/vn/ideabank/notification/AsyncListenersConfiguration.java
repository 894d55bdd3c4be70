package vn.ideabank.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Turns on {@code @Async}, so that {@code @ApplicationModuleListener} methods run on Boot's task executor after the
 * action's commit instead of in the request's thread: a slow or failing listener neither delays nor breaks the
 * action, and its publication stays in the registry until it completes.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncListenersConfiguration {
}
