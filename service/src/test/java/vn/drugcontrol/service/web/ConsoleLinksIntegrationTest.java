package vn.drugcontrol.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import vn.drugcontrol.service.DatabaseTest;

/**
 * Issue 16.7: a console page's links are not looked up as files. With the resource chain
 * on (springdoc's webjars locator turns it on), every link a template builds goes through
 * {@link ResourceUrlProvider}; under the default static pattern {@code /**} each link
 * ({@code /runs/28}, {@code /decisions/3750}, …) was searched for in every jar of the
 * classpath — a run page's 170 links were most of its time in a JFR profile. The
 * console's files keep their URLs under {@code /console/**}. Not timed: the mapping is
 * asserted.
 */
class ConsoleLinksIntegrationTest extends DatabaseTest {

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void onlyTheConsolesOwnFilesAreResolvedAsResources() {
		assertThat(resources.getHandlerMap().keySet()).as("patterns a link is resolved against")
			.contains("/console/**")
			.doesNotContain("/**");
		assertThat(resources.getForLookupPath("/runs/28")).as("a page's link: no file looked up").isNull();
		assertThat(http().get().uri("/console/console.css").retrieve().toEntity(String.class).getStatusCode().value())
			.as("the console's files are still served")
			.isEqualTo(200);
		assertThat(http().get().uri("/console/console.js").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
	}

}
