package vn.drugcontrol.service.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code classifier.console.pending-uploads.*}: how long the console keeps an uploaded
 * file between its preview and the officer's confirmation, and how many each user may
 * have waiting.
 *
 * @param lifetime how long a preview can be confirmed
 * @param perUser previews waiting at once for one user; a further upload by that user
 * replaces that user's oldest (other users' uploads are never touched)
 */
@ConfigurationProperties("classifier.console.pending-uploads")
public record PendingUploadProperties(@DefaultValue("30m") Duration lifetime, @DefaultValue("5") int perUser) {

	public PendingUploadProperties {
		if (perUser < 1) {
			throw new IllegalArgumentException("classifier.console.pending-uploads.per-user must be at least 1");
		}
	}

}
