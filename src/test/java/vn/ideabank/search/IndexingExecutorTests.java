package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * A mail server that accepts connections and never answers holds every thread of the application's
 * scheduler (as the e-mail outbox would); a new idea is still found by search within a couple of
 * seconds, because the search outbox has a thread of its own.
 */
class IndexingExecutorTests extends IntegrationTest {

	@Autowired
	ThreadPoolTaskScheduler scheduler;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchService search;

	@Test
	void aMailServerThatNeverAnswersDoesNotDelayIndexing() throws Exception {
		int threads = scheduler.getPoolSize();
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		CountDownLatch allHeld = new CountDownLatch(threads);
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
						allHeld.countDown();
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
			try {
				for (int i = 0; i < threads; i++) {
					scheduler.execute(() -> sendTo(silent.getLocalPort()));
				}
				assertThat(allHeld.await(10, TimeUnit.SECONDS)).as("every scheduler thread waits for the mail server").isTrue();

				long unit = units.findByCode("TS-THODAN").orElseThrow().id();
				IdeaView idea = ideas.create(caller("doan.thodan"),
						SearchTestData.idea(unit, 2009, "Thư chậm xthucham", "Máy chủ thư không trả lời."));
				long start = System.nanoTime();
				boolean found = false;
				while (!found && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
					found = !search.search(caller("doan.thodan"), SearchQuery.of("xthucham"), 0, 5).content().isEmpty();
					if (!found) {
						Thread.sleep(50);
					}
				}
				assertThat(found).as("idea %s found within 3 s while the scheduler is stuck on SMTP", idea.code()).isTrue();
			}
			finally {
				for (Socket s : accepted) {
					s.close(); // the stuck sends fail at once and give their threads back
				}
			}
		}
	}

	private static void sendTo(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties p = new Properties();
		p.setProperty("mail.smtp.connectiontimeout", "30000");
		p.setProperty("mail.smtp.timeout", "30000");
		sender.setJavaMailProperties(p);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("ideabank@localhost");
		message.setTo("someone@example.org");
		message.setSubject("x");
		message.setText("x");
		try {
			sender.send(message);
		}
		catch (RuntimeException expected) {
			// the connection was closed by the test
		}
	}
}
