package vn.drugcontrol.service.province;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Province decisions with their evidence.
 * <p>
 * Read in one read-only transaction each: loading an aggregate's child rows while its own
 * row is being read needs the same connection, not a second one from the pool (which,
 * under load, every request would hold one of and wait for another).
 */
@Transactional(readOnly = true)
interface ProvinceDecisionRepository extends ListCrudRepository<ProvinceDecision, Long> {

	Optional<ProvinceDecision> findByRunId(long runId);

}
