package vn.drugcontrol.rules.commune;

import java.math.BigDecimal;

import vn.drugcontrol.rules.criteria.AreaFacts;
import vn.drugcontrol.rules.criteria.Persons;
import vn.drugcontrol.rules.criteria.PlantFinding;
import vn.drugcontrol.rules.criteria.Rate;
import vn.drugcontrol.rules.criteria.RouteFinding;
import vn.drugcontrol.rules.criteria.UsersOutsideExemptions;

/**
 * What a province hands in for one commune-level unit (xã, phường, đặc khu) and one
 * evaluation period, as the facts contract defines it. Its components are the columns of
 * the contract's one declaration, {@link FactsColumn}, in its order (checked when that
 * loads): a fact added there is added here as a component, at the same place. Counts are
 * people or places in the period; users with records are counted at the period's end.
 *
 * @param communeCode 5-digit code of the unit (2025 list)
 * @param communeName name, for people
 * @param provinceCode 2-digit province code
 * @param period evaluation period: 2025 = 15 Dec 2024 – 14 Dec 2025
 * @param population people currently residing (số nhân khẩu hiện đang cư trú), &gt; 0
 * @param managedUsers drug addicts and illegal users with a management record (Art. 4 a),
 * including the three exempt groups below
 * @param inSubstitutionTreatment of those, in opioid substitution treatment (Art. 6.1)
 * @param inCommunityRehab of those, in family/community-based rehabilitation (Art. 6.1)
 * @param inPostRehabManagement of those, under post-rehabilitation management (Art. 6.1)
 * @param drugUsePoints points organising or harbouring illegal drug use (Art. 4 b, 6.3)
 * @param arrestedOffenders drug offenders arrested in the commune (Art. 4 c)
 * @param residentViolators residents who violated drug law in the commune (Art. 6.2)
 * @param wantedFugitives fugitives wanted for drug crimes hiding in the commune (Art.
 * 6.2)
 * @param plantsDestroyed drug plants found and destroyed (Art. 4 d)
 * @param plantAreaM2 area of drug plants found and destroyed, m² (Art. 4 d)
 * @param onIntraProvincialRoute lies on an approved intra-provincial key route (Art. 4 đ)
 * @param onInterProvincialRoute lies on an approved inter-provincial key route (Art. 4 đ,
 * 5.6)
 * @param heldInCentresOrPrison residents held in compulsory rehabilitation centres or
 * prison at the period's end; the Decision is silent on them: recorded, counted in no
 * criterion (see docs/interpretation.md)
 */
public record CommuneFacts(String communeCode, String communeName, String provinceCode, int period, long population,
		long managedUsers, long inSubstitutionTreatment, long inCommunityRehab, long inPostRehabManagement,
		long drugUsePoints, long arrestedOffenders, long residentViolators, long wantedFugitives, long plantsDestroyed,
		BigDecimal plantAreaM2, boolean onIntraProvincialRoute, boolean onInterProvincialRoute,
		long heldInCentresOrPrison) implements AreaFacts {

	public CommuneFacts {
		plantAreaM2 = plantAreaM2 == null ? BigDecimal.ZERO : plantAreaM2;
	}

	@Override
	public String unitCode() {
		return communeCode;
	}

	/** Users with records as a share of the population (Art. 4 a). */
	public Rate managedUserRate() {
		return new Rate(managedUsers, population);
	}

	/** Drug offenders arrested as a share of the population (Art. 4 c). */
	public Rate arrestRate() {
		return new Rate(arrestedOffenders, population);
	}

	/** Plants found and destroyed, in plants and m² (Art. 4 d). */
	public PlantFinding plantFinding() {
		return new PlantFinding(plantsDestroyed, plantAreaM2);
	}

	public boolean onKeyRoute() {
		return onIntraProvincialRoute || onInterProvincialRoute;
	}

	/**
	 * The route and the other criteria met, for point đ: {@code assessed} is the evidence
	 * it counts.
	 */
	public RouteFinding routeFinding(java.util.Collection<?> assessed) {
		return RouteFinding.of(onIntraProvincialRoute, onInterProvincialRoute, assessed);
	}

	@Override
	public UsersOutsideExemptions usersOutsideExemptions() {
		return new UsersOutsideExemptions(managedUsers,
				inSubstitutionTreatment + inCommunityRehab + inPostRehabManagement);
	}

	@Override
	public Persons violatorsAndFugitives() {
		return new Persons(residentViolators, wantedFugitives);
	}

	/** A builder for tests and importers: every count starts at zero. */
	public static Builder builder(String communeCode) {
		return new Builder(communeCode);
	}

	/**
	 * Builds {@link CommuneFacts} by the facts contract's declaration
	 * ({@link FactsColumn}): unset counts are zero, unset flags false; a fact added to
	 * the contract needs no change here ({@link #set}).
	 */
	public static final class Builder {

		private final java.util.Map<FactsColumn, Object> values = new java.util.EnumMap<>(FactsColumn.class);

		private Builder(String communeCode) {
			values.put(FactsColumn.COMMUNE_CODE, communeCode);
			values.put(FactsColumn.COMMUNE_NAME, "");
			values.put(FactsColumn.PROVINCE_CODE, "");
			values.put(FactsColumn.PERIOD, 2025);
			values.put(FactsColumn.POPULATION, 10_000L);
		}

		/** Any column's value (a number of any boxed type, a BigDecimal, a Boolean). */
		public Builder set(FactsColumn column, Object value) {
			values.put(column, value);
			return this;
		}

		public Builder name(String communeName) {
			return set(FactsColumn.COMMUNE_NAME, communeName);
		}

		public Builder province(String provinceCode) {
			return set(FactsColumn.PROVINCE_CODE, provinceCode);
		}

		public Builder period(int period) {
			return set(FactsColumn.PERIOD, period);
		}

		public Builder population(long population) {
			return set(FactsColumn.POPULATION, population);
		}

		public Builder managedUsers(long managedUsers) {
			return set(FactsColumn.MANAGED_USERS, managedUsers);
		}

		public Builder inSubstitutionTreatment(long n) {
			return set(FactsColumn.IN_SUBSTITUTION_TREATMENT, n);
		}

		public Builder inCommunityRehab(long n) {
			return set(FactsColumn.IN_COMMUNITY_REHAB, n);
		}

		public Builder inPostRehabManagement(long n) {
			return set(FactsColumn.IN_POST_REHAB_MANAGEMENT, n);
		}

		public Builder drugUsePoints(long n) {
			return set(FactsColumn.DRUG_USE_POINTS, n);
		}

		public Builder arrestedOffenders(long n) {
			return set(FactsColumn.ARRESTED_OFFENDERS, n);
		}

		public Builder residentViolators(long n) {
			return set(FactsColumn.RESIDENT_VIOLATORS, n);
		}

		public Builder wantedFugitives(long n) {
			return set(FactsColumn.WANTED_FUGITIVES, n);
		}

		public Builder plantsDestroyed(long n) {
			return set(FactsColumn.PLANTS_DESTROYED, n);
		}

		public Builder plantAreaM2(String m2) {
			return set(FactsColumn.PLANT_AREA_M2, new BigDecimal(m2));
		}

		public Builder plantAreaM2(BigDecimal m2) {
			return set(FactsColumn.PLANT_AREA_M2, m2);
		}

		public Builder onIntraProvincialRoute(boolean on) {
			return set(FactsColumn.ON_INTRA_PROVINCIAL_ROUTE, on);
		}

		public Builder onInterProvincialRoute(boolean on) {
			return set(FactsColumn.ON_INTER_PROVINCIAL_ROUTE, on);
		}

		public Builder heldInCentresOrPrison(long n) {
			return set(FactsColumn.HELD_IN_CENTRES_OR_PRISON, n);
		}

		public CommuneFacts build() {
			return FactsColumn.facts(values::get);
		}

	}

}
