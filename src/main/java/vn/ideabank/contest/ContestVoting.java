package vn.ideabank.contest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;

/**
 * Public voting on a contest's entries: any signed-in account, one vote per entry (a unique constraint
 * holds it even under races), counted apart from judges' scores. Abuse limits: at most
 * {@code max-per-minute} votes per account per minute (refused beyond); votes of accounts younger than
 * {@code min-account-age-days} are stored but flagged {@code NEW_ACCOUNT} and not counted; once an IP
 * (kept only as a keyed hash) has cast {@code ip-burst-votes} votes in the contest within
 * {@code ip-burst-minutes}, its further votes are flagged {@code IP_BURST} and not counted.
 */
@Service
@Transactional
public class ContestVoting {

	private final ContestRepository contests;

	private final NominationRepository nominations;

	private final AccountService accounts;

	private final EntryVisibility entries;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxPerMinute;

	private final int minAccountAgeDays;

	private final int ipBurstVotes;

	private final int ipBurstMinutes;

	private final byte[] ipSalt;

	ContestVoting(ContestRepository contests, NominationRepository nominations, AccountService accounts,
			EntryVisibility entries, JdbcClient jdbc,
			Optional<Clock> clock, @Value("${ideabank.contest.voting.max-per-minute:10}") int maxPerMinute,
			@Value("${ideabank.contest.voting.min-account-age-days:7}") int minAccountAgeDays,
			@Value("${ideabank.contest.voting.ip-burst-votes:20}") int ipBurstVotes,
			@Value("${ideabank.contest.voting.ip-burst-minutes:10}") int ipBurstMinutes,
			@Value("${ideabank.contest.voting.ip-salt:ideabank-vote}") String ipSalt) {
		this.contests = contests;
		this.nominations = nominations;
		this.accounts = accounts;
		this.entries = entries;
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
		this.maxPerMinute = maxPerMinute;
		this.minAccountAgeDays = minAccountAgeDays;
		this.ipBurstVotes = ipBurstVotes;
		this.ipBurstMinutes = ipBurstMinutes;
		this.ipSalt = ipSalt.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the contest takes votes now. */
	@Transactional(readOnly = true)
	public boolean open(long contestId) {
		return contests.findById(contestId).map(c -> c.votingOpen() && c.status() == ContestStatus.JUDGING).orElse(false);
	}

	/** The contest's entries with their votes (one query), for a contest that takes or took votes. */
	@Transactional(readOnly = true)
	public List<VoteTally> tallies(Caller caller, long contestId) {
		// the page opens while voting is open and once published, otherwise for those who see the contest;
		// each entry only for those who may see it (EntryVisibility): a public one while voting is open, say
		Contest contest = contests.findById(contestId).filter(c -> c.status() != ContestStatus.DRAFT
				&& (c.votingOpen() || c.status() == ContestStatus.PUBLISHED || ContestService.sees(caller, c)))
			.orElseThrow(() -> new NotFoundException("contest.error.notFound"));
		UnitScope.Condition visible = entries.of(caller, contest).sql();
		return visible.bind(jdbc.sql("""
				select n.id, n.idea_title, n.authors, n.unit_name,
				       count(v.id) filter (where v.counted), count(v.id) filter (where not v.counted),
				       bool_or(v.account_id = :me)
				  from contest_nomination n left join contest_vote v on v.nomination_id = n.id
				 where n.contest_id = :c and %s
				 group by n.id order by n.nominated_at, n.id""".formatted(visible.sql())))
			.param("c", contestId).param("me", caller.accountId())
			.query((rs, i) -> new VoteTally(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					rs.getLong(6), rs.getBoolean(7)))
			.list();
	}

	/** Casts the caller's vote for an entry; returns whether it counts (false: flagged). */
	public boolean vote(Caller caller, long nominationId, String ip) {
		Nomination n = nominations.findById(nominationId).orElseThrow(() -> new NotFoundException("contest.error.notFound"));
		Contest contest = contests.findById(n.contestId()).orElseThrow();
		if (!entries.of(caller, contest).allows(n.ideaId(), n.unitPath())) {
			throw new NotFoundException("contest.error.notFound");
		}
		if (!open(n.contestId())) {
			throw new BusinessException("contest.error.votingClosed");
		}
		Instant now = clock.instant();
		int lastMinute = jdbc.sql("select count(*) from contest_vote where account_id = :a and at > :since")
			.param("a", caller.accountId()).param("since", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))))
			.query(Integer.class).single();
		if (lastMinute >= maxPerMinute) {
			throw new BusinessException("contest.error.voteRate", maxPerMinute);
		}
		String ipHash = hash(ip == null ? "" : ip);
		String flag = null;
		Instant created = accounts.me(caller).createdAt();
		if (created != null && created.isAfter(now.minus(Duration.ofDays(minAccountAgeDays)))) {
			flag = "NEW_ACCOUNT";
		}
		else {
			int fromIp = jdbc.sql("select count(*) from contest_vote where contest_id = :c and ip_hash = :h and at > :since")
				.param("c", n.contestId()).param("h", ipHash)
				.param("since", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(ipBurstMinutes)))).query(Integer.class).single();
			if (fromIp >= ipBurstVotes) {
				flag = "IP_BURST";
			}
		}
		try {
			jdbc.sql("""
					insert into contest_vote (contest_id, nomination_id, account_id, ip_hash, at, counted, flag)
					values (:c, :n, :a, :h, :at, :counted, :flag)""")
				.param("c", n.contestId()).param("n", nominationId).param("a", caller.accountId()).param("h", ipHash)
				.param("at", java.sql.Timestamp.from(now)).param("counted", flag == null).param("flag", flag).update();
		}
		catch (DuplicateKeyException e) {
			throw new BusinessException("contest.error.alreadyVoted");
		}
		return flag == null;
	}

	String hash(String ip) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(ipSalt, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(ip.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
