package vn.drugcontrol.service.route;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key routes with their communes.
 * <p>
 * Read in one read-only transaction each, so that child rows are read on the same
 * connection (why: {@code RuleSetVersionRepository}).
 */
@Transactional(readOnly = true)
interface KeyRouteRepository extends ListCrudRepository<KeyRoute, Long> {

	Optional<KeyRoute> findByCode(String code);

	boolean existsByCode(String code);

	@Query("""
			SELECT * FROM key_route r
			WHERE EXISTS (SELECT 1 FROM key_route_commune c WHERE c.key_route_id = r.id AND c.province_code = :province)
			ORDER BY r.code
			""")
	List<KeyRoute> findTouchingProvince(String province);

	List<KeyRoute> findAllByOrderByCode();

}
