package vn.drugcontrol.service.cli;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code classifier.cli.*}: set by {@code java -jar classifier.jar classify …} itself,
 * not by hand.
 *
 * @param command the command the start runs instead of serving ({@code classify})
 */
@ConfigurationProperties("classifier.cli")
public record CliProperties(String command) {
}
