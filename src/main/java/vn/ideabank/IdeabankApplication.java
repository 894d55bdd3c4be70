package vn.ideabank;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdeabankApplication {

	public static void main(String[] args) {
		// Dates are shown in Vietnam's time; storage stays UTC (hibernate.jdbc.time_zone).
		TimeZone.setDefault(TimeZone.getTimeZone(System.getenv().getOrDefault("IDEABANK_TIME_ZONE", "Asia/Ho_Chi_Minh")));
		SpringApplication.run(IdeabankApplication.class, args);
	}
}
