package vn.ideabank.common.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

import vn.ideabank.IntegrationTest;

/**
 * Every {@code @Scheduled} job of the application runs once per tick with several nodes: it holds a ShedLock
 * lock (a name of its own) for at least a little less than its interval, so a node whose clock ticks a
 * moment later finds it taken (docs/search.md, "Several nodes"). Read from the running context's beans, so a
 * new job is checked by construction. The intervals are the shipped defaults (tests switch some jobs off).
 */
class ScheduledJobsTests extends IntegrationTest {

	/** A placeholder with a default: the default is what ships. */
	private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[^:}]+:(.*)}");

	@Autowired
	ApplicationContext context;

	record Job(String name, Method method, Scheduled scheduled, SchedulerLock lock) {
	}

	List<Job> jobs() {
		List<Job> jobs = new ArrayList<>();
		for (String bean : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(bean);
			if (type == null || !type.getName().startsWith("vn.ideabank.")) {
				continue;
			}
			Class<?> target = AopUtils.isAopProxy(context.getBean(bean)) ? AopUtils.getTargetClass(context.getBean(bean)) : type;
			for (Method m : org.springframework.util.ReflectionUtils.getUniqueDeclaredMethods(target)) {
				Scheduled s = AnnotatedElementUtils.findMergedAnnotation(m, Scheduled.class);
				if (s != null) {
					jobs.add(new Job(target.getSimpleName() + "." + m.getName(), m, s,
							AnnotatedElementUtils.findMergedAnnotation(m, SchedulerLock.class)));
				}
			}
		}
		return jobs;
	}

	@Test
	void everyScheduledJobHoldsItsLockForAlmostItsInterval() {
		List<Job> jobs = jobs();
		assertThat(jobs).extracting(Job::name).contains("EmailOutbox.scheduled", "ReportReminders.scheduled",
				"IpReminders.scheduled", "DailyDigest.scheduled", "NominationReminders.scheduled");
		Set<String> names = new HashSet<>();
		for (Job job : jobs) {
			assertThat(job.lock()).as(job.name() + " has @SchedulerLock").isNotNull();
			assertThat(names.add(job.lock().name())).as(job.name() + "'s lock name is its own").isTrue();
			assertThat(job.lock().lockAtLeastFor()).as(job.name() + " sets lockAtLeastFor").isNotBlank();
			Duration interval = interval(job.scheduled());
			Duration atLeast = DurationStyle.detectAndParse(shipped(job.lock().lockAtLeastFor()));
			Duration atMost = DurationStyle.detectAndParse(shipped(job.lock().lockAtMostFor()));
			Duration margin = interval.dividedBy(2).compareTo(Duration.ofMinutes(5)) < 0 ? interval.dividedBy(2)
					: Duration.ofMinutes(5);
			assertThat(atLeast).as(job.name() + ": lockAtLeastFor below the interval " + interval).isLessThan(interval);
			assertThat(atLeast).as(job.name() + ": lockAtLeastFor long enough to cover clocks a little apart")
				.isGreaterThanOrEqualTo(margin);
			assertThat(atMost).as(job.name() + ": lockAtMostFor").isGreaterThanOrEqualTo(atLeast);
		}
	}

	/** The shortest gap between the job's next runs, under its shipped settings. */
	private static Duration interval(Scheduled s) {
		if (!s.cron().isEmpty()) {
			CronExpression cron = CronExpression.parse(shipped(s.cron()));
			LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
			Duration shortest = null;
			for (int i = 0; i < 50; i++) {
				LocalDateTime next = cron.next(t);
				Duration gap = Duration.between(t, next);
				if (i > 0 && (shortest == null || gap.compareTo(shortest) < 0)) {
					shortest = gap;
				}
				t = next;
			}
			return shortest;
		}
		long ms = s.fixedRate() > 0 ? s.fixedRate() : s.fixedDelay();
		assertThat(ms).as("a job with a cron, a fixed rate or a fixed delay").isPositive();
		return Duration.ofMillis(ms);
	}

	private static String shipped(String value) {
		Matcher m = DEFAULTED.matcher(value);
		return m.matches() ? m.group(1) : value;
	}
}
