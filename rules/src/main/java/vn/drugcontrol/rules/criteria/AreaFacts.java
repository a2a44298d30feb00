package vn.drugcontrol.rules.criteria;

/**
 * What Art. 6 (drug-free areas) needs of an area; communes and provinces both answer it,
 * because the same article serves both.
 */
public interface AreaFacts {

	/** The commune or province code. */
	String unitCode();

	UsersOutsideExemptions usersOutsideExemptions();

	Persons violatorsAndFugitives();

	long drugUsePoints();

}
