package vn.ideabank.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitTreeSeeder;

/**
 * At start: loads the unit tree when asked ({@code ideabank.seed.units}), creates the first
 * administrator when none exists (its random password printed once, or taken from
 * {@code IDEABANK_ADMIN_PASSWORD}), and demo accounts only when {@code ideabank.seed.demo=true}.
 */
@Component
@Order(10)
class StartupAccounts implements ApplicationRunner {

	/**
	 * @param adminUsername the first administrator's username
	 * @param adminPassword its password; random when empty
	 * @param units which real tree to load: none, trieu-son, thanh-hoa
	 * @param demo demo accounts (and branches) for a first look; never in production
	 * @param demoPassword the demo accounts' shared password
	 */
	@ConfigurationProperties("ideabank.seed")
	record Settings(String adminUsername, String adminPassword, String units, boolean demo, String demoPassword) {

		Settings {
			adminUsername = StringUtils.hasText(adminUsername) ? adminUsername : "admin";
			demoPassword = StringUtils.hasText(demoPassword) ? demoPassword : "demo-ideabank";
		}
	}

	private static final Logger log = LoggerFactory.getLogger(StartupAccounts.class);

	private final AccountService accounts;

	private final UnitTreeSeeder seeder;

	private final Settings settings;

	StartupAccounts(AccountService accounts, UnitTreeSeeder seeder, Settings settings) {
		this.accounts = accounts;
		this.seeder = seeder;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		UnitTreeSeeder.Tree tree = UnitTreeSeeder.Tree.parse(settings.units());
		if (settings.demo() && tree == UnitTreeSeeder.Tree.NONE) {
			tree = UnitTreeSeeder.Tree.TRIEU_SON;
		}
		seeder.seed(tree, settings.demo());
		boolean generated = !StringUtils.hasText(settings.adminPassword());
		String password = generated ? Secrets.password() : settings.adminPassword();
		accounts.createFirstAdministrator(settings.adminUsername(), password).ifPresent(admin -> {
			if (generated) {
				log.warn("""

						==================================================================
						 First administrator created. Sign in and change the password.
						   username: {}
						   password: {}
						 (shown once; set IDEABANK_ADMIN_PASSWORD to choose it instead)
						==================================================================""", admin.username(), password);
			}
			else {
				log.info("First administrator '{}' created with the password from IDEABANK_ADMIN_PASSWORD", admin.username());
			}
		});
		if (settings.demo()) {
			createDemoAccounts();
		}
	}

	private void createDemoAccounts() {
		String pw = settings.demoPassword();
		accounts.createBySystem("huyendoan.trieuson", "Văn phòng Huyện đoàn Triệu Sơn", AccountKind.UNIT, "TS", Role.OFFICE, pw);
		accounts.createBySystem("doan.thodan", "Đoàn xã Thọ Dân", AccountKind.UNIT, "TS-THODAN", Role.UNIT_OFFICER, pw);
		accounts.createBySystem("doan.thotan", "Đoàn xã Thọ Tân", AccountKind.UNIT, "TS-THOTAN", Role.UNIT_OFFICER, pw);
		accounts.createBySystem("tran.thi.binh", "Trần Thị Bình", AccountKind.PERSON, "TS", Role.REVIEWER, pw);
		accounts.createBySystem("le.van.cuong", "Lê Văn Cường", AccountKind.PERSON, "TS", Role.JUDGE, pw);
		accounts.createBySystem("nguyen.van.an", "Nguyễn Văn An", AccountKind.PERSON, "TS-THODAN-T1", Role.MEMBER, pw);
		log.warn("Demo accounts ready (password '{}'): huyendoan.trieuson (office), doan.thodan, doan.thotan (unit officers), "
				+ "tran.thi.binh (reviewer), le.van.cuong (judge), nguyen.van.an (member). Not for production.", pw);
	}
}
