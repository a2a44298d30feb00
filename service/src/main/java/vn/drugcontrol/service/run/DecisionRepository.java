package vn.drugcontrol.service.run;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.security.access.prepost.PostAuthorize;

/**
 * Stored decisions; loading one by id applies province scope
 * ({@link vn.drugcontrol.service.security.ProvinceScope}).
 */
public interface DecisionRepository extends ListCrudRepository<Decision, Long> {

	@Override
	@PostAuthorize("returnObject.isEmpty() or @provinceScope.read(returnObject.get().provinceCode())")
	Optional<Decision> findById(Long id);

}
