package vn.drugcontrol.service.run;

import org.springframework.data.repository.ListCrudRepository;

public interface DecisionRepository extends ListCrudRepository<Decision, Long> {

}
