package vn.drugcontrol.service.province;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ProvinceDecisionRepository extends ListCrudRepository<ProvinceDecision, Long> {

	Optional<ProvinceDecision> findByRunId(long runId);

}
