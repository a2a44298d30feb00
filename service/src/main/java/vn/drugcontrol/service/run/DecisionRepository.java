package vn.drugcontrol.service.run;

import org.springframework.data.repository.ListCrudRepository;

interface DecisionRepository extends ListCrudRepository<Decision, Long> {

}
