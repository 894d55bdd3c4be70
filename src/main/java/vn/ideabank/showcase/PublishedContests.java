package vn.ideabank.showcase;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.contest.ContestEvents.ResultsPublished;
import vn.ideabank.contest.ContestService;

/**
 * The ids of the contests whose results are published (table {@code showcase_contest}), kept from the contest
 * module's {@link ResultsPublished} event, for the public winners page and the home page's total. Everything
 * else about a contest is read through {@link ContestService#publicContest} and {@link ContestService#publicResults}.
 */
@Service
@Transactional(readOnly = true)
public class PublishedContests {

	private final JdbcClient jdbc;

	private final ContestService contests;

	PublishedContests(JdbcClient jdbc, ContestService contests) {
		this.jdbc = jdbc;
		this.contests = contests;
	}

	/** Durable like the notification listeners: delivered again after a crash, and idempotent. */
	@ApplicationModuleListener
	void on(ResultsPublished event) {
		int year = contests.publicContest(event.contestId()).year();
		jdbc.sql("insert into showcase_contest (contest_id, year) values (:id, :year) on conflict do nothing")
			.param("id", event.contestId()).param("year", year).update();
	}

	/** Published contests, the latest published first. */
	public Page<Long> ids(Pageable pageable) {
		List<Long> ids = jdbc.sql("""
				select contest_id from showcase_contest order by published_at desc, contest_id desc limit :limit offset :offset""")
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset()).query(Long.class).list();
		long total = jdbc.sql("select count(*) from showcase_contest").query(Long.class).single();
		return new PageImpl<>(ids, pageable, total);
	}

	/** How many contests of the year have published results. */
	public long count(int year) {
		return jdbc.sql("select count(*) from showcase_contest where year = :y").param("y", year).query(Long.class).single();
	}
}
