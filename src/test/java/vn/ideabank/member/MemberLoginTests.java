package vn.ideabank.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaTestDataAccess;
import vn.ideabank.org.UnitService;

/** A roster member without a login gets one from an administrator, and then finds their ideas. */
class MemberLoginTests extends IntegrationTest {

	@Autowired
	MemberService members;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorGivesAMemberALoginAndTheMemberSeesTheirIdeas() {
		long th = units.findByCode("TH").orElseThrow().id();
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
		MemberView member = members.create(caller("admin"), new SaveMember(th, "Đặng Thị Mai " + tag,
				LocalDate.of(2002, 5, 1), Gender.FEMALE, TargetGroup.STUDENT, null, null, MemberStatus.UNION_MEMBER, null));
		var content = IdeaTestDataAccess.save(th, "Ý tưởng của Mai " + tag).content();
		ideas.create(caller("admin"), new SaveIdea(th, content, List.of(new AuthorRef(member.id(), null))));

		assertThat(mvc.get().uri("/members/{id}", member.id()).with(as("admin"))).hasStatusOk().bodyText()
			.contains("Tạo tài khoản đăng nhập");
		var created = mvc.post().uri("/members/{id}/login", member.id()).with(as("admin")).with(csrf())
			.param("username", "dang.thi.mai." + tag).exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String password = (String) created.getMvcResult().getFlashMap().get("newPassword");
		assertThat(password).hasSizeGreaterThanOrEqualTo(10);

		String username = "dang.thi.mai." + tag;
		assertThat(members.find(member.id()).orElseThrow().accountId()).isNotNull();
		assertThat(jdbc.sql("select b.role from role_binding b join account a on a.id = b.account_id where a.username = :u")
			.param("u", username).query(String.class).single()).isEqualTo("MEMBER");
		var mine = new IdeaFilter(null, null, null, null, null, null, "Ý tưởng của Mai " + tag, true);
		assertThat(ideas.list(caller(username), mine, PageRequest.of(0, 10))).hasSize(1);

		assertThat(mvc.post().uri("/members/{id}/login", member.id()).with(as("admin")).with(csrf())
			.param("username", "lan.hai." + tag).exchange().getMvcResult().getFlashMap().get("problemText"))
			.isEqualTo("Đoàn viên này đã có tài khoản đăng nhập.");
	}

	@Test
	void onlyAnAdministratorGivesLoginsAndUsernamesAreChecked() {
		long t2 = units.findByCode("TS-THODAN-T2").orElseThrow().id();
		MemberView member = members.list(caller("doan.thodan"), new MemberFilter(null, null, null, t2), PageRequest.of(0, 50))
			.getContent().stream().filter(m -> m.accountId() == null).findFirst().orElseThrow();
		assertThat(members.canCreateLogin(caller("doan.thodan"), member.id())).isFalse();
		assertThat(mvc.post().uri("/members/{id}/login", member.id()).with(as("doan.thodan")).with(csrf())
			.param("username", "khong.duoc")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/members/{id}/login", member.id()).with(as("admin")).with(csrf())
			.param("username", "có dấu").exchange().getMvcResult().getFlashMap().get("problemText"))
			.isEqualTo("Tên đăng nhập chỉ gồm chữ không dấu, chữ số và . _ - (3 đến 64 ký tự).");
		assertThat(members.find(member.id()).orElseThrow().accountId()).isNull();
	}
}
