package vn.drugcontrol.service.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code classifier.limits.*}: bounds on what one request may ask of the service
 * (docs/security.md, input bounds).
 *
 * @param maxJsonSize a larger JSON body is refused with 413 before it is read (uploads:
 * {@code spring.servlet.multipart.max-file-size})
 * @param maxRows communes in one batch (the whole country has 3,321); more is refused
 * with 422
 * @param ruleTime one rule session (100 communes, or a province) firing longer is halted
 * as a runaway rule set: the run, or the upload whose scenarios it was, fails
 */
@ConfigurationProperties("classifier.limits")
public record LimitsProperties(@DefaultValue("20MB") DataSize maxJsonSize, @DefaultValue("10000") int maxRows,
		@DefaultValue("10s") Duration ruleTime) {
}
