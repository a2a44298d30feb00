package vn.drugcontrol.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The drug-area classification service (Decision 28/2025/QĐ-TTg).
 */
@SpringBootApplication
public class ClassifierApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClassifierApplication.class, args);
	}

}
