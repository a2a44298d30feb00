package vn.drugcontrol.service.ruleset;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code classifier.default-rule-set} and {@code classifier.rules.*}: which rules
 * classify a request that names none and no version effective for its period, and
 * development mode.
 *
 * @param defaultRuleSet the rule set of a request that names none, for a period no active
 * version covers
 * @param rules development mode
 */
@ConfigurationProperties("classifier")
public record RuleSetProperties(@DefaultValue("default") String defaultRuleSet, @DefaultValue Rules rules) {

	/**
	 * @param watchDir development mode (only with the {@code dev} profile): a directory
	 * of DRL files and scenario tables, stored as a version and served as the default
	 * rule set whenever it changes (docs/rules-authoring.md)
	 * @param watchInterval how often the watched directory is read
	 */
	public record Rules(Path watchDir, @DefaultValue("1s") Duration watchInterval) {
	}

}
