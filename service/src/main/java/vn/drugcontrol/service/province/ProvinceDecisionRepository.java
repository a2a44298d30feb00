package vn.drugcontrol.service.province;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Province decisions with their evidence.
 * <p>
 * Read in one read-only transaction each, so that child rows are read on the same
 * connection (why: {@code RuleSetVersionRepository}).
 */
@Transactional(readOnly = true)
interface ProvinceDecisionRepository extends ListCrudRepository<ProvinceDecision, Long> {

	Optional<ProvinceDecision> findByRunId(long runId);

}
