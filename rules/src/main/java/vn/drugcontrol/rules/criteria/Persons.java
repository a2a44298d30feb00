package vn.drugcontrol.rules.criteria;

/**
 * People counted for Art. 6.2: residents who violated drug law in the area and fugitives
 * wanted for drug crimes hiding there.
 */
public record Persons(long residentViolators, long wantedFugitives) {

	public long total() {
		return residentViolators + wantedFugitives;
	}

	@Override
	public String toString() {
		return residentViolators + " vi phạm/violators; " + wantedFugitives + " truy nã/fugitives";
	}

}
