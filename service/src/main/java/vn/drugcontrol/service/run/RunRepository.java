package vn.drugcontrol.service.run;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PostFilter;

/**
 * Stored runs. Loading a run by id, or a list of runs, is where province scope applies to
 * every path that reads a run ({@link vn.drugcontrol.service.security.ProvinceScope}).
 */
public interface RunRepository extends ListCrudRepository<Run, Long> {

	@Override
	@PostAuthorize("returnObject.isEmpty() or @provinceScope.read(returnObject.get().provinceCode())")
	Optional<Run> findById(Long id);

	Optional<Run> findByProvinceCodeAndPeriodAndRuleSetHashAndFactsHash(String provinceCode, int period,
			String ruleSetHash, String factsHash);

	@Query("""
			SELECT * FROM classification_run
			WHERE (:province IS NULL OR province_code = :province)
			  AND (:period IS NULL OR period = :period)
			ORDER BY started_at DESC, id DESC
			""")
	@PostFilter("@provinceScope.mayRead(filterObject.provinceCode())")
	List<Run> search(String province, Integer period);

}
