package vn.drugcontrol.rules.criteria;

/**
 * Art. 6.1: users with records, less those in opioid substitution treatment, in
 * family/community-based rehabilitation or under post-rehabilitation management.
 */
public record UsersOutsideExemptions(long managedUsers, long exempt) {

	public long total() {
		return managedUsers - exempt;
	}

	@Override
	public String toString() {
		return total() + " (" + managedUsers + " có hồ sơ/with records − " + exempt + " miễn trừ/exempt)";
	}

}
