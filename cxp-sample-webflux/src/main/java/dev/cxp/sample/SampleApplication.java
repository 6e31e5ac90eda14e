package dev.cxp.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample site as a WebFlux application: the same starter dependency, the same {@code cxp.*} properties and the
 * same pages as the Spring MVC sample, nothing else of the starter's wiring. With the {@code gateway} profile it is
 * also a Spring Cloud Gateway in front of a service, which hears the consent the gateway decided.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
