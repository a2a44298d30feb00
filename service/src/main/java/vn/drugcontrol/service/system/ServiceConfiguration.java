package vn.drugcontrol.service.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsImporter;

/**
 * Beans from the plain-Java parts of the service.
 */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

	@Bean
	AdminUnits adminUnits() {
		return AdminUnits.load();
	}

	@Bean
	FactsImporter factsImporter(AdminUnits units) {
		return new FactsImporter(units);
	}

}
