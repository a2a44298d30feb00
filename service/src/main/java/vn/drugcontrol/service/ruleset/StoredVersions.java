package vn.drugcontrol.service.ruleset;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The stored rule-set versions as the API and the console list them, newest first: the
 * shipped rule sets are stored first if they are missing (an emptied database lists them
 * again), so both paths show the same versions.
 */
@Component
public class StoredVersions {

	private final ShippedVersions shipped;

	private final RuleSetVersionRepository versions;

	StoredVersions(ShippedVersions shipped, RuleSetVersionRepository versions) {
		this.shipped = shipped;
		this.versions = versions;
	}

	/**
	 * @param status only versions in this status, or null for all
	 * @param contentHash only versions with these rules, or null for all
	 */
	public List<RuleSetVersion> search(VersionStatus status, String contentHash) {
		shipped.ensureStored();
		return versions.search(status == null ? null : status.name(), contentHash);
	}

}
