package dev.cxp.benchmarks.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application shaped like a user's: the starter with its default settings (default consent
 * settings included), Spring MVC, and Actuator with its default meters and default exposure, serving two
 * identical pages that render nothing of the visitor. The load benchmark starts it from the benchmarks jar
 * in one JVM per variant, adding a variant's configuration class through {@code spring.main.sources};
 * component scanning covers this package only.
 *
 * @since 0.2.0
 */
@SpringBootApplication
public class UserShapedApplication {

	/**
	 * Start the application.
	 * @param args Spring Boot arguments, such as {@code --server.port=N} or {@code --cxp.enabled=false}
	 */
	public static void main(String[] args) {
		SpringApplication.run(UserShapedApplication.class, args);
	}

}
