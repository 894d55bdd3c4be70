package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ideabank.idea.IdeaTestData.content;
import static vn.ideabank.idea.IdeaTestData.save;
import static vn.ideabank.idea.IdeaTestData.step;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;

class IdeaServiceTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberService members;

	@Autowired
	jakarta.persistence.EntityManagerFactory entityManagerFactory;

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void anIdeaGetsAReadableCodeOfItsDistrictAndYearAndItsCreationIsRecorded() {
		Caller officer = caller("doan.thodan");
		IdeaView first = ideas.create(officer, save(unit("TS-THODAN-T2"), "Ý tưởng đánh số 1"));
		IdeaView second = ideas.create(officer, save(unit("TS-THODAN"), "Ý tưởng đánh số 2"));
		int year = Year.now().getValue();
		assertThat(first.code()).matches("TS-" + year + "-\\d{6}");
		long n1 = Long.parseLong(first.code().substring(first.code().lastIndexOf('-') + 1));
		long n2 = Long.parseLong(second.code().substring(second.code().lastIndexOf('-') + 1));
		assertThat(n2).isGreaterThan(n1);
		assertThat(first.status()).isEqualTo(IdeaStatus.DRAFT);
		var details = ideas.details(officer, first.id());
		assertThat(details.history()).singleElement().satisfies(h -> {
			assertThat(h.step()).isEqualTo("CREATE");
			assertThat(h.to()).isEqualTo(IdeaStatus.DRAFT);
			assertThat(h.actorName()).isEqualTo("Đoàn xã Thọ Dân");
		});
	}

	@Test
	void everyStepIsRecordedWithWhoFromToAndWhy() {
		Caller author = caller("nguyen.van.an");
		Caller office = caller("huyendoan.trieuson");
		IdeaView idea = ideas.create(author, save(unit("TS-THODAN-T1"), "Lịch sử đầy đủ"));
		idea = ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		idea = ideas.step(caller("doan.thodan"), idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.START_REVIEW, idea.version(), null));
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.REJECT, idea.version(), "Trùng với ý tưởng năm trước"));
		var history = ideas.details(office, idea.id()).history();
		assertThat(history).extracting(IdeaView.HistoryEntry::step)
			.containsExactly("CREATE", "SUBMIT", "ENDORSE", "START_REVIEW", "REJECT");
		assertThat(history.get(4).from()).isEqualTo(IdeaStatus.UNDER_REVIEW);
		assertThat(history.get(4).to()).isEqualTo(IdeaStatus.REJECTED);
		assertThat(history.get(4).comment()).isEqualTo("Trùng với ý tưởng năm trước");
		assertThat(history.get(4).actorName()).isEqualTo("Văn phòng Huyện đoàn Triệu Sơn");
	}

	@Test
	void aSkippedStepIsRefusedWithAClearMessageAndChangesNothing() {
		Caller office = caller("huyendoan.trieuson");
		IdeaView idea = ideas.create(caller("doan.thodan"), save(unit("TS-THODAN"), "Bỏ qua bước"));
		long version = idea.version();
		assertThatThrownBy(() -> ideas.step(office, idea.id(), TakeStep.of(IdeaStep.ACCEPT, version, null)))
			.isInstanceOf(BusinessException.class).isNotInstanceOf(ForbiddenException.class)
			.extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("idea.error.illegalStep");
		assertThat(ideas.get(office, idea.id()).status()).isEqualTo(IdeaStatus.DRAFT);
	}

	@Test
	void submittingAnIncompleteIdeaNamesTheMissingField() {
		Caller author = caller("nguyen.van.an");
		IdeaContent c = content("Thiếu tính mới");
		IdeaContent incomplete = new IdeaContent(c.year(), c.kind(), c.title(), c.summary(), c.problem(), c.solution(), null,
				c.benefits(), null, c.scopeWhere(), null, null, null, null, null, null, false);
		IdeaView idea = ideas.create(author, new SaveIdea(unit("TS-THODAN-T1"), incomplete, List.of(new AuthorRef(null, "An"))));
		assertThatThrownBy(() -> ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("idea.error.incomplete");
				assertThat(e.field()).isEqualTo("novelty");
			});
	}

	@Test
	void rejectionNeedsAReasonAndApplicationNeedsEvidence() {
		Caller office = caller("huyendoan.trieuson");
		IdeaView idea = ideas.create(office, save(unit("TS-THODAN"), "Cần lý do"));
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.START_REVIEW, idea.version(), null));
		long id = idea.id();
		long v = idea.version();
		assertThatThrownBy(() -> ideas.step(office, id, TakeStep.of(IdeaStep.REJECT, v, "   ")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
		IdeaView accepted = ideas.step(office, id, TakeStep.of(IdeaStep.ACCEPT, v, null));
		assertThatThrownBy(() -> ideas.step(office, id, new TakeStep(IdeaStep.MARK_APPLIED, accepted.version(), null,
				"Thôn 1", LocalDate.now().plusDays(3), "Tiết kiệm")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("appliedSince"));
		IdeaView applied = ideas.step(office, id, step(IdeaStep.MARK_APPLIED, accepted.version()));
		assertThat(applied.status()).isEqualTo(IdeaStatus.APPLIED);
		assertThat(applied.appliedWhere()).isEqualTo("Thôn 1, xã Thọ Dân");
		assertThat(applied.appliedEffect()).contains("40%");
	}

	@Test
	void aSecondSaveOfAStaleVersionIsAConflictAndOverwritesNothing() {
		Caller officer = caller("doan.thodan");
		IdeaView idea = ideas.create(officer, save(unit("TS-THODAN"), "Hai người cùng sửa"));
		ideas.update(officer, idea.id(), save(unit("TS-THODAN"), "Người thứ nhất sửa"), idea.version());
		assertThatThrownBy(() -> ideas.update(officer, idea.id(), save(unit("TS-THODAN"), "Người thứ hai sửa"), idea.version()))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(ideas.get(officer, idea.id()).title()).isEqualTo("Người thứ nhất sửa");
	}

	@Test
	void anotherUnitsOfficerNeitherSeesNorListsTheIdea() {
		IdeaView idea = ideas.create(caller("doan.thodan"), save(unit("TS-THODAN"), "Chỉ Thọ Dân thấy"));
		Caller other = caller("doan.thotan");
		assertThatThrownBy(() -> ideas.get(other, idea.id())).isInstanceOf(ForbiddenException.class);
		var filter = new IdeaFilter(null, null, null, null, null, null, "Chỉ Thọ Dân thấy", false);
		assertThat(ideas.list(other, filter, PageRequest.of(0, 20))).isEmpty();
		assertThat(ideas.list(caller("huyendoan.trieuson"), filter, PageRequest.of(0, 20))).hasSize(1);
	}

	@Test
	void draftsStayWithTheirAuthorAndTheUnitsOfficers() {
		IdeaView draft = ideas.create(caller("nguyen.van.an"), save(unit("TS-THODAN-T1"), "Bản nháp riêng"));
		assertThatThrownBy(() -> ideas.get(caller("tran.thi.binh"), draft.id())).isInstanceOf(ForbiddenException.class);
		assertThat(ideas.get(caller("doan.thodan"), draft.id()).title()).isEqualTo("Bản nháp riêng");
		var mine = new IdeaFilter(null, null, null, null, null, null, "Bản nháp riêng", true);
		assertThat(ideas.list(caller("nguyen.van.an"), mine, PageRequest.of(0, 20))).hasSize(1);
		assertThat(ideas.list(caller("tran.thi.binh"), IdeaFilter.none(), PageRequest.of(0, 500)).getContent())
			.noneMatch(s -> s.id() == draft.id());
	}

	@Test
	void aUnitFilterShowsDraftsOnlyToWhoSeesThemAndNothingOutsideTheCallersUnits() {
		IdeaView draft = ideas.create(caller("doan.thodan"), save(unit("TS-THODAN"), "Nháp lọc theo đơn vị"));
		var byUnit = new IdeaFilter(unit("TS-THODAN"), null, null, null, null, null, "Nháp lọc theo đơn vị", false);
		assertThat(ideas.list(caller("huyendoan.trieuson"), byUnit, PageRequest.of(0, 20))).hasSize(1);
		assertThat(ideas.list(caller("doan.thodan"), byUnit, PageRequest.of(0, 20))).hasSize(1);
		// a reviewer of the district does not see drafts, with or without the unit filter
		assertThat(ideas.list(caller("tran.thi.binh"), byUnit, PageRequest.of(0, 20))).isEmpty();
		// an officer of another commune filtering by this one sees nothing
		assertThat(ideas.list(caller("doan.thotan"), byUnit, PageRequest.of(0, 20))).isEmpty();
		assertThat(draft.status()).isEqualTo(IdeaStatus.DRAFT);
	}

	@Test
	void aPageOfTheListCostsTheSameFewQueriesWhateverItsLength() {
		for (int i = 0; i < 12; i++) {
			ideas.create(caller("doan.thodan"), save(unit("TS-THODAN"), "Trang danh sách " + i));
		}
		var filter = new IdeaFilter(unit("TS-THODAN"), null, null, null, null, null, "Trang danh sách", false);
		long tenRows = fewestStatements(() -> assertThat(ideas.list(caller("huyendoan.trieuson"), filter, PageRequest.of(0, 10))
			.getContent()).hasSize(10));
		long twoRows = fewestStatements(() -> assertThat(ideas.list(caller("huyendoan.trieuson"), filter, PageRequest.of(0, 2))
			.getContent()).hasSize(2));
		// rows, count and the unit lookup: no query per row (authors, benefits)
		assertThat(tenRows).isEqualTo(twoRows).isLessThanOrEqualTo(4);
	}

	/**
	 * Statements prepared by the action, the fewest of three runs: the counter is global, and the search
	 * index's background poller may prepare a few of its own while the action runs.
	 */
	private long fewestStatements(Runnable action) {
		var stats = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
		long fewest = Long.MAX_VALUE;
		for (int run = 0; run < 3; run++) {
			stats.clear();
			action.run();
			fewest = Math.min(fewest, stats.getPrepareStatementCount());
		}
		return fewest;
	}

	@Test
	void internalNotesNeverReachTheAuthor() {
		Caller author = caller("nguyen.van.an");
		Caller officer = caller("doan.thodan");
		IdeaView idea = ideas.create(author, save(unit("TS-THODAN-T1"), "Ghi chú nội bộ"));
		ideas.comment(officer, idea.id(), new AddComment("Ý tưởng hay, cần bổ sung số liệu", false));
		ideas.comment(officer, idea.id(), new AddComment("Tác giả là con cán bộ xã, lưu ý khách quan", true));
		assertThat(ideas.details(author, idea.id()).comments()).extracting(IdeaView.Comment::body)
			.containsExactly("Ý tưởng hay, cần bổ sung số liệu");
		assertThat(ideas.details(officer, idea.id()).comments()).hasSize(2);
		assertThatThrownBy(() -> ideas.comment(author, idea.id(), new AddComment("Tôi muốn ghi nội bộ", true)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void badInputIsRefusedAndNothingIsHalfSaved() {
		Caller officer = caller("doan.thodan");
		long before = count("idea");
		IdeaContent c = content("Năm tương lai");
		IdeaContent future = new IdeaContent(Year.now().getValue() + 1, c.kind(), c.title(), c.summary(), c.problem(),
				c.solution(), c.novelty(), c.benefits(), null, c.scopeWhere(), null, null, null, null, null, null, false);
		assertThatThrownBy(() -> ideas.create(officer, new SaveIdea(unit("TS-THODAN"), future, List.of(new AuthorRef(null, "An")))))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.error.futureYear"));
		assertThatThrownBy(() -> ideas.create(officer, save(unit("TS-THOTAN"), "Đơn vị ngoài phạm vi")))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> ideas.create(officer, new SaveIdea(unit("TS-THODAN"), content("Tác giả trống"),
				List.of(new AuthorRef(null, "  \u200B ")))))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("authors"));
		assertThatThrownBy(() -> ideas.create(officer, new SaveIdea(unit("TS-THODAN"), content("Thành viên lạ"),
				List.of(new AuthorRef(987654321L, null)))))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.error.authorOutOfScope"));
		assertThat(count("idea")).isEqualTo(before);
	}

	@Test
	void onlyDraftsCanBeDeleted() {
		Caller officer = caller("doan.thodan");
		IdeaView draft = ideas.create(officer, save(unit("TS-THODAN"), "Xoá được"));
		IdeaView submitted = ideas.step(officer, ideas.create(officer, save(unit("TS-THODAN"), "Không xoá được")).id(),
				TakeStep.of(IdeaStep.SUBMIT, 0, null));
		ideas.delete(officer, draft.id(), draft.version());
		assertThat(jdbc.sql("select count(*) from idea where id = :id").param("id", draft.id()).query(Long.class).single()).isZero();
		assertThatThrownBy(() -> ideas.delete(officer, submitted.id(), submitted.version()))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.error.onlyDraftsDeleted"));
	}

	@Test
	void aRosterMemberAuthorFindsTheIdeaUnderMyIdeasAndMayWithdrawIt() {
		MemberView an = members.findByAccount(caller("nguyen.van.an").accountId()).orElseThrow();
		Caller officer = caller("doan.thodan");
		IdeaView idea = ideas.create(officer, new SaveIdea(unit("TS-THODAN"), content("Ý tưởng nhập hộ đoàn viên"),
				List.of(new AuthorRef(an.id(), null), new AuthorRef(null, "Người ngoài danh sách"))));
		assertThat(idea.authors()).extracting(IdeaView.Author::fullName).containsExactly("Nguyễn Văn An", "Người ngoài danh sách");
		Caller author = caller("nguyen.van.an");
		var mine = new IdeaFilter(null, null, null, null, null, null, "nhập hộ đoàn viên", true);
		assertThat(ideas.list(author, mine, PageRequest.of(0, 20))).hasSize(1);
		IdeaView submitted = ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		assertThat(ideas.step(author, idea.id(), TakeStep.of(IdeaStep.WITHDRAW, submitted.version(), null)).status())
			.isEqualTo(IdeaStatus.WITHDRAWN);
	}

	@Test
	void anOfficerCannotNameAnotherUnitsMemberAsAuthor() {
		MemberView an = members.findByAccount(caller("nguyen.van.an").accountId()).orElseThrow();
		assertThatThrownBy(() -> ideas.create(caller("doan.thotan"), new SaveIdea(unit("TS-THOTAN"), content("Mượn tác giả"),
				List.of(new AuthorRef(an.id(), null)))))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.error.authorOutOfScope"));
	}

	@Test
	void anOfficerTypingInAMembersIdeaIsNotItsAuthor() {
		Caller officer = caller("doan.thodan");
		IdeaView idea = ideas.create(officer, new SaveIdea(unit("TS-THODAN-T2"), content("Ý tưởng từ hòm thư giấy"),
				List.of(new AuthorRef(null, "Hoàng Đức Mạnh"))));
		idea = ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		var details = ideas.details(officer, idea.id());
		assertThat(details.isAuthor()).isFalse();
		assertThat(details.canSeeInternal()).isTrue();
		assertThat(details.allowedSteps()).contains(IdeaStep.ENDORSE).doesNotContain(IdeaStep.WITHDRAW);
		var mine = new IdeaFilter(null, null, null, null, null, null, "hòm thư giấy", true);
		assertThat(ideas.list(officer, mine, PageRequest.of(0, 20))).isEmpty();
	}

	@Test
	void videoLinksMustBeWebAddresses() {
		IdeaContent c = content("Liên kết video");
		IdeaContent script = new IdeaContent(c.year(), c.kind(), c.title(), c.summary(), c.problem(), c.solution(),
				c.novelty(), c.benefits(), null, c.scopeWhere(), null, null, null, null, null,
				"https://www.youtube.com/watch?v=abc\njavascript:alert(1)", false);
		assertThatThrownBy(() -> ideas.create(caller("doan.thodan"), new SaveIdea(unit("TS-THODAN"), script,
				List.of(new AuthorRef(null, "An")))))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("idea.error.videoLink");
				assertThat(e.field()).isEqualTo("content.videoLinks");
			});
	}
}
