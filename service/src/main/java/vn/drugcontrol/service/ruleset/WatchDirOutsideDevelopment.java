package vn.drugcontrol.service.ruleset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with {@code classifier.rules.watch-dir} set but without the
 * {@code dev} profile: a directory on one node must never decide what the service
 * classifies with.
 */
@Component
@Profile("!dev")
@ConditionalOnProperty("classifier.rules.watch-dir")
class WatchDirOutsideDevelopment {

	WatchDirOutsideDevelopment() {
		throw new IllegalStateException("classifier.rules.watch-dir is development mode: start with the 'dev' profile "
				+ "(--spring.profiles.active=dev), or remove the setting (docs/rules-authoring.md)");
	}

}
