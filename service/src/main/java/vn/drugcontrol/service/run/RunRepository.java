package vn.drugcontrol.service.run;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RunRepository extends ListCrudRepository<Run, Long> {

	Optional<Run> findByProvinceCodeAndPeriodAndRuleSetHashAndFactsHash(String provinceCode, int period,
			String ruleSetHash, String factsHash);

	@Query("""
			SELECT * FROM classification_run
			WHERE (:province IS NULL OR province_code = :province)
			  AND (:period IS NULL OR period = :period)
			ORDER BY started_at DESC, id DESC
			""")
	List<Run> search(String province, Integer period);

}
