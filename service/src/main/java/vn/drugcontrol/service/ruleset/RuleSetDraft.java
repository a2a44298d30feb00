package vn.drugcontrol.service.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An analyst's working copy of a version's bundle, edited in the console's workbench
 * (parameters, DRL, scenario rows) until it is published as a new version through the
 * upload path. It is never used by a run: only a published version is.
 *
 * @param parentVersionId the version it was started from, which its diff is against
 * @param publishedVersionId the version it became, or null while it is being edited
 * @param files its files in path order
 */
public record RuleSetDraft(long id, long parentVersionId, String author, Instant createdAt, Instant updatedAt,
		String updatedBy, Long publishedVersionId, List<BundleFile> files) {

	public RuleSetDraft {
		files = List.copyOf(files);
	}

	public boolean published() {
		return publishedVersionId != null;
	}

	public Optional<BundleFile> file(String path) {
		return files.stream().filter(f -> f.path().equals(path)).findFirst();
	}

	/** The files as a bundle, read by the same code as an upload's files. */
	public Bundle bundle() {
		Bundle bundle = new Bundle();
		files.forEach(f -> bundle.add(f.path(), f.content()));
		return bundle;
	}

	/** A draft in a list: without its files. */
	public record Summary(long id, long parentVersionId, String parentName, String author, Instant updatedAt,
			String updatedBy, Long publishedVersionId) {
	}

}
