package vn.ideabank.common.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application-wide switches for background work, in one place:
 * <ul>
 * <li>{@code @Scheduled} jobs run on Boot's scheduler, a pool of {@code spring.task.scheduling.pool.size}
 * threads, so one slow job (an SMTP server that never answers) cannot hold back the others. Work that
 * must never wait for another job (the search change log) runs on a thread of its own instead, and on every
 * node without a lock: each node indexes every change into its own index (docs/search.md, "Several nodes").</li>
 * <li>ShedLock (table {@code shedlock}, the database's clock) lets one app node at a time run each job;
 * every job also holds its lock for a minimum time ({@code lockAtLeastFor}), so a job that ends quickly
 * is not run again by a node whose clock ticks a little later ({@code ScheduledJobsTests} checks every job).</li>
 * <li>{@code @Async}: {@code @ApplicationModuleListener} methods run on Boot's task executor after the
 * action's commit, not in the request's thread: a slow or failing listener neither delays nor breaks the
 * action, and its publication stays in Spring Modulith's registry until it completes.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@EnableAsync
class SchedulingConfiguration {

	@Bean
	@ConditionalOnMissingBean(LockProvider.class)
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
