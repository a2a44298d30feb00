package vn.drugcontrol.service.run;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One classification run: one province, one period, one rule-set version, its facts and
 * its decisions (the decisions are their own aggregate, {@link Decision}, referring to
 * the run by id). Written once, never changed.
 */
@Table("classification_run")
public record Run(@Id Long id, String provinceCode, int period, String ruleSetName, String ruleSetHash,
		String engineVersion, String factsHash, String sourceName, String sourceFormat, String startedBy,
		Instant startedAt, Instant finishedAt, int communeCount, @Column("type_i_count") int typeICount,
		@Column("type_ii_count") int typeIICount, @Column("type_iii_count") int typeIIICount, int drugFreeCount,
		int unclassifiedCount) {

}
