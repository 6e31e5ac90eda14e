package dev.cxp.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small site that uses the CXP starter the way an application would: the starter dependency and
 * {@code cxp.*} properties in {@code application.yml}, nothing else of its wiring.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
