package vn.drugcontrol.rules.province;

import java.math.BigDecimal;
import java.util.Collection;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.criteria.AreaFacts;
import vn.drugcontrol.rules.criteria.Persons;
import vn.drugcontrol.rules.criteria.PlantFinding;
import vn.drugcontrol.rules.criteria.Rate;
import vn.drugcontrol.rules.criteria.RouteFinding;
import vn.drugcontrol.rules.criteria.UsersOutsideExemptions;

/**
 * A province in one period: its communes' facts summed, how many of its communes are type
 * I or II, and whether it lies on an inter-provincial key route (a province-level fact).
 *
 * @param communeUnits all commune-level units of the province (the denominator of Art.
 * 5.4)
 * @param typeIAndIICommunes communes classified type I or II in the period
 */
public record ProvinceFacts(String provinceCode, int period, long population, long managedUsers, long exemptUsers,
		long drugUsePoints, long arrestedOffenders, long residentViolators, long wantedFugitives, long plantsDestroyed,
		BigDecimal plantAreaM2, long communeUnits, long typeIAndIICommunes,
		boolean onInterProvincialRoute) implements AreaFacts {

	/**
	 * Sums the communes' facts.
	 * @param classes the class of each commune (any order), to count types I and II
	 * @param communeUnits all commune-level units of the province, classified or not
	 */
	public static ProvinceFacts aggregate(String provinceCode, int period, Collection<CommuneFacts> communes,
			Collection<Classification> classes, long communeUnits, boolean onInterProvincialRoute) {
		long population = 0, users = 0, exempt = 0, points = 0, arrests = 0, violators = 0, fugitives = 0, plants = 0;
		BigDecimal area = BigDecimal.ZERO;
		for (CommuneFacts c : communes) {
			// imports bound every count far below overflow; a sum that still overflows
			// is an error, never a silent wrap
			population = Math.addExact(population, c.population());
			users = Math.addExact(users, c.managedUsers());
			exempt = Math.addExact(exempt, c.usersOutsideExemptions().exempt());
			points = Math.addExact(points, c.drugUsePoints());
			arrests = Math.addExact(arrests, c.arrestedOffenders());
			violators = Math.addExact(violators, c.residentViolators());
			fugitives = Math.addExact(fugitives, c.wantedFugitives());
			plants = Math.addExact(plants, c.plantsDestroyed());
			area = area.add(c.plantAreaM2());
		}
		long keyAreas = classes.stream().filter(k -> k == Classification.TYPE_I || k == Classification.TYPE_II).count();
		return new ProvinceFacts(provinceCode, period, population, users, exempt, points, arrests, violators, fugitives,
				plants, area, communeUnits, keyAreas, onInterProvincialRoute);
	}

	@Override
	public String unitCode() {
		return provinceCode;
	}

	public Rate managedUserRate() {
		return new Rate(managedUsers, population);
	}

	public Rate arrestRate() {
		return new Rate(arrestedOffenders, population);
	}

	public Rate typeIAndIIShare() {
		return new Rate(typeIAndIICommunes, communeUnits);
	}

	public PlantFinding plantFinding() {
		return new PlantFinding(plantsDestroyed, plantAreaM2);
	}

	public RouteFinding routeFinding() {
		return new RouteFinding(false, onInterProvincialRoute, java.util.Set.of());
	}

	@Override
	public UsersOutsideExemptions usersOutsideExemptions() {
		return new UsersOutsideExemptions(managedUsers, exemptUsers);
	}

	@Override
	public Persons violatorsAndFugitives() {
		return new Persons(residentViolators, wantedFugitives);
	}

}
