package vn.drugcontrol.service.ruleset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development mode's directory watcher exists only with the {@code dev} profile: a
 * service started with {@code classifier.rules.watch-dir} and without it refuses to
 * start.
 */
class WatchDirOutsideDevelopmentTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WatchDirOutsideDevelopment.class);

	@Test
	void aWatchedDirectoryWithoutTheDevProfileStopsTheStart() {
		context.withPropertyValues("classifier.rules.watch-dir=my-rules")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'dev' profile"));
	}

	@Test
	void withTheDevProfileOrWithoutAWatchedDirectoryTheServiceStarts() {
		context.withPropertyValues("classifier.rules.watch-dir=my-rules", "spring.profiles.active=dev")
			.run(started -> assertThat(started).hasNotFailed());
		context.run(started -> assertThat(started).hasNotFailed());
	}

}
