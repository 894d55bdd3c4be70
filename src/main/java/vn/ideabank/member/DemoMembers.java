package vn.ideabank.member;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountService;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * With {@code ideabank.seed.demo=true}: about ten members in the demo branches of Thọ Dân and Thọ
 * Tân, and the demo account {@code nguyen.van.an} linked to its member record. Runs after the demo
 * accounts (StartupAccounts is {@code @Order(10)}); idempotent.
 */
@Component
@Order(20)
class DemoMembers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

	private record Demo(String unitCode, String name, LocalDate born, Gender gender, TargetGroup group, MemberStatus status) {
	}

	private static final List<Demo> DEMO = List.of(
			new Demo("TS-THODAN-T1", "Nguyễn Văn An", LocalDate.of(1998, 4, 12), Gender.MALE, TargetGroup.RURAL_YOUTH, MemberStatus.UNION_MEMBER),
			new Demo("TS-THODAN-T1", "Lê Thị Hoa", LocalDate.of(2000, 9, 2), Gender.FEMALE, TargetGroup.RURAL_YOUTH, MemberStatus.UNION_MEMBER),
			new Demo("TS-THODAN-T1", "Trịnh Văn Hùng", LocalDate.of(1995, 1, 20), Gender.MALE, TargetGroup.ENTREPRENEUR, MemberStatus.UNION_MEMBER),
			new Demo("TS-THODAN-T1", "Phạm Ngọc Ánh", LocalDate.of(2008, 6, 30), Gender.FEMALE, TargetGroup.PUPIL, MemberStatus.UNION_MEMBER),
			new Demo("TS-THODAN-T2", "Hoàng Đức Mạnh", LocalDate.of(1997, 11, 5), Gender.MALE, TargetGroup.YOUNG_WORKER, MemberStatus.UNION_MEMBER),
			new Demo("TS-THODAN-T2", "Đỗ Thị Lan", LocalDate.of(2003, 3, 14), Gender.FEMALE, TargetGroup.STUDENT, MemberStatus.YOUTH),
			new Demo("TS-THODAN-T2", "Vũ Minh Khôi", LocalDate.of(2013, 8, 21), Gender.MALE, TargetGroup.CHILDREN, MemberStatus.CHILD),
			new Demo("TS-THOTAN-T1", "Lê Văn Tùng", LocalDate.of(1994, 12, 1), Gender.MALE, TargetGroup.YOUNG_OFFICIAL, MemberStatus.UNION_MEMBER),
			new Demo("TS-THOTAN-T1", "Nguyễn Thị Thu Trang", LocalDate.of(1999, 7, 9), Gender.FEMALE, TargetGroup.RURAL_YOUTH, MemberStatus.UNION_MEMBER),
			new Demo("TS-THOTAN-T1", "Bùi Quang Huy", LocalDate.of(2001, 2, 17), Gender.MALE, TargetGroup.ARMED_FORCES, MemberStatus.YOUTH));

	private final MemberService members;

	private final UnitService units;

	private final AccountService accounts;

	private final boolean demo;

	DemoMembers(MemberService members, UnitService units, AccountService accounts,
			@Value("${ideabank.seed.demo:false}") boolean demo) {
		this.members = members;
		this.units = units;
		this.accounts = accounts;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo) {
			return;
		}
		int added = 0;
		for (Demo d : DEMO) {
			UnitView unit = units.findByCode(d.unitCode()).orElse(null);
			if (unit == null) {
				continue;
			}
			if (members.match(unit.id(), d.name(), d.born()).isEmpty()) {
				members.createBySystem(new SaveMember(unit.id(), d.name(), d.born(), d.gender(), d.group(), null, null,
						d.status(), null));
				added++;
			}
		}
		units.findByCode("TS-THODAN-T1").flatMap(u -> members.match(u.id(), "Nguyễn Văn An", LocalDate.of(1998, 4, 12)))
			.ifPresent(an -> accounts.idOf("nguyen.van.an").ifPresent(accountId -> members.linkBySystem(an.id(), accountId)));
		log.info("Demo members ready: {} added", added);
	}
}
