package vn.drugcontrol.service.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule-set versions. Status changes are single updates: a version's bundle is never
 * rewritten.
 * <p>
 * Read in one read-only transaction each: loading an aggregate's child rows while its own
 * row is being read needs the same connection, not a second one from the pool (which,
 * under load, every request would hold one of and wait for another).
 */
@Transactional(readOnly = true)
public interface RuleSetVersionRepository extends ListCrudRepository<RuleSetVersion, Long> {

	Optional<RuleSetVersion> findByBundleHash(String bundleHash);

	boolean existsByBundleHash(String bundleHash);

	/**
	 * The usable version with these DRL files that a run recording this hash and name
	 * used: the first of that name, else the first of any name (the same rules).
	 */
	@Query("""
			SELECT * FROM rule_set_version
			WHERE content_hash = :contentHash AND status <> 'REJECTED'
			ORDER BY CASE WHEN name = :name THEN 0 ELSE 1 END, id LIMIT 1
			""")
	Optional<RuleSetVersion> findUsableByContentHash(String contentHash, String name);

	/** The newest usable version of this name. */
	@Query("""
			SELECT * FROM rule_set_version
			WHERE name = :name AND status <> 'REJECTED'
			ORDER BY id DESC LIMIT 1
			""")
	Optional<RuleSetVersion> findNewestUsableByName(String name);

	@Query("""
			SELECT * FROM rule_set_version
			WHERE (:status IS NULL OR status = :status)
			  AND (:contentHash IS NULL OR content_hash = :contentHash)
			ORDER BY id DESC
			""")
	List<RuleSetVersion> search(String status, String contentHash);

	@Modifying
	@Transactional
	@Query("""
			UPDATE rule_set_version
			SET status = 'ACTIVE', effective_from = :from, effective_to = :to, activated_at = :at,
			    retired_at = NULL, superseded_by = NULL
			WHERE id = :id
			""")
	void markActive(long id, int from, Integer to, Instant at);

	/**
	 * Retires the active versions a newly active one covers entirely: they would never be
	 * used again.
	 */
	@Modifying
	@Transactional
	@Query("""
			UPDATE rule_set_version
			SET status = 'RETIRED', retired_at = :at, superseded_by = :by
			WHERE status = 'ACTIVE' AND id <> :by AND effective_from >= :from
			  AND (:to IS NULL OR (effective_to IS NOT NULL AND effective_to <= :to))
			""")
	int supersedeCovered(long by, int from, Integer to, Instant at);

	@Modifying
	@Transactional
	@Query("""
			UPDATE rule_set_version SET status = 'RETIRED', retired_at = :at WHERE id = :id
			""")
	void markRetired(long id, Instant at);

	/** Rolling back: the versions a retired one had superseded are active again. */
	@Modifying
	@Transactional
	@Query("""
			UPDATE rule_set_version
			SET status = 'ACTIVE', retired_at = NULL, superseded_by = NULL
			WHERE superseded_by = :by
			""")
	int restoreSupersededBy(long by);

}
