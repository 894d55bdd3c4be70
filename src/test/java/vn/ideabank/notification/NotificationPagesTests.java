package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;

class NotificationPagesTests extends IntegrationTest {

	private static final String USER = "le.van.cuong";

	@Autowired
	NotificationService notifications;

	@Test
	void theBellCountsUnreadAndReadingOpensTheLinkedPage() {
		Caller me = caller(USER);
		notifications.markAllRead(me);
		assertThat(mvc.get().uri("/notifications/bell").with(as(USER))).hasStatusOk().bodyText()
			.doesNotContain("bell-count");
		notifications.notify(List.of(me.accountId()), NotificationKind.ASSIGNMENT, "notification.comment",
				List.of("Ban Thường vụ", "TS-2026-9999"), "/ideas/9999");

		assertThat(mvc.get().uri("/notifications/bell").with(as(USER))).hasStatusOk().bodyText()
			.contains("bell-count").contains(">1<");
		assertThat(mvc.get().uri("/notifications").with(as(USER))).hasStatusOk().bodyText()
			.contains("Ban Thường vụ đã viết trao đổi về ý tưởng TS-2026-9999.").contains("hx-get=\"/notifications/bell\"");
		long id = notifications.list(me, PageRequest.of(0, 1), Locale.ENGLISH).getContent().get(0).id();

		assertThat(mvc.post().uri("/notifications/{id}/read", id).with(as("doan.thotan")).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/notifications/{id}/read", id).with(as(USER)).with(csrf()))
			.hasRedirectedUrl("/ideas/9999");
		assertThat(notifications.unreadCount(me)).isZero();
	}

	@Test
	void preferencesAreSavedFromTheForm() {
		assertThat(mvc.post().uri("/notifications/preferences").param("email", "COMMENT").param("dailyDigest", "true")
			.with(as(USER)).with(csrf())).hasRedirectedUrl("/notifications/preferences");
		assertThat(notifications.preferences(caller(USER))).containsExactly(
				new Preference(NotificationKind.IDEA_STATUS, false), new Preference(NotificationKind.COMMENT, true),
				new Preference(NotificationKind.ASSIGNMENT, false), new Preference(NotificationKind.DEADLINE, false),
				new Preference(NotificationKind.UNIT_WORK, false), new Preference(NotificationKind.CONTEST, false));
		assertThat(notifications.dailyDigest(caller(USER))).isTrue();
		assertThat(mvc.get().uri("/notifications/preferences").with(as(USER))).hasStatusOk().bodyText()
			.contains("value=\"COMMENT\" checked", "name=\"dailyDigest\" id=\"daily-digest\" value=\"true\" checked");
		// unticked: the form sends no dailyDigest, and one e-mail per notice again
		mvc.post().uri("/notifications/preferences").param("email", "COMMENT").with(as(USER)).with(csrf()).exchange();
		assertThat(notifications.dailyDigest(caller(USER))).isFalse();
	}

	@Test
	void strangersAreSentToSignIn() {
		assertThat(mvc.get().uri("/notifications")).hasStatus3xxRedirection();
	}
}
