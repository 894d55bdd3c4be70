package vn.ideabank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdeabankApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdeabankApplication.class, args);
	}
}
