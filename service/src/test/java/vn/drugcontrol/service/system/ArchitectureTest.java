package vn.drugcontrol.service.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * One implementation per capability, checked on the compiled classes: the console and the
 * API call the same application services, so neither reaches the database itself, and the
 * feature packages depend on each other one way only.
 */
class ArchitectureTest {

	private static JavaClasses service;

	@BeforeAll
	static void importService() {
		service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.drugcontrol.service");
	}

	@Test
	void featurePackagesHaveNoCycles() {
		ArchRule rule = slices().matching("vn.drugcontrol.service.(**)").should().beFreeOfCycles();
		rule.check(service);
	}

	@Test
	void theConsoleReachesNoRepositoryNorTheDatabase() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("vn.drugcontrol.service.web..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(JdbcTemplate.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(NamedParameterJdbcTemplate.class)
			.because("console pages call the application services the API calls, never a second read");
		rule.check(service);
	}

	@Test
	void apiControllersReachNoRepositoryNorTheDatabase() {
		ArchRule rule = noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.because("API controllers call the application services the console calls, never a second read");
		rule.check(service);
	}

}
