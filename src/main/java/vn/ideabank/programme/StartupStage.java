package vn.ideabank.programme;

/** Stage of a startup project (ý tưởng … dừng). */
public enum StartupStage {
	IDEA, PROTOTYPE, MARKET_TEST, OPERATING, STOPPED;

	public String messageKey() {
		return "programme.startup.stage." + name();
	}
}
