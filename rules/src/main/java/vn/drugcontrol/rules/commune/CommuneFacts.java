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
 * evaluation period, as the facts contract defines it. Counts are people or places in the
 * period; users with records are counted at the period's end.
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

	/** Builds {@link CommuneFacts}; unset counts are zero. */
	public static final class Builder {

		private final String communeCode;

		private String communeName = "";

		private String provinceCode = "";

		private int period = 2025;

		private long population = 10_000;

		private long managedUsers;

		private long inSubstitutionTreatment;

		private long inCommunityRehab;

		private long inPostRehabManagement;

		private long drugUsePoints;

		private long arrestedOffenders;

		private long residentViolators;

		private long wantedFugitives;

		private long plantsDestroyed;

		private BigDecimal plantAreaM2 = BigDecimal.ZERO;

		private boolean onIntraProvincialRoute;

		private boolean onInterProvincialRoute;

		private long heldInCentresOrPrison;

		private Builder(String communeCode) {
			this.communeCode = communeCode;
		}

		public Builder name(String communeName) {
			this.communeName = communeName;
			return this;
		}

		public Builder province(String provinceCode) {
			this.provinceCode = provinceCode;
			return this;
		}

		public Builder period(int period) {
			this.period = period;
			return this;
		}

		public Builder population(long population) {
			this.population = population;
			return this;
		}

		public Builder managedUsers(long managedUsers) {
			this.managedUsers = managedUsers;
			return this;
		}

		public Builder inSubstitutionTreatment(long n) {
			this.inSubstitutionTreatment = n;
			return this;
		}

		public Builder inCommunityRehab(long n) {
			this.inCommunityRehab = n;
			return this;
		}

		public Builder inPostRehabManagement(long n) {
			this.inPostRehabManagement = n;
			return this;
		}

		public Builder drugUsePoints(long n) {
			this.drugUsePoints = n;
			return this;
		}

		public Builder arrestedOffenders(long n) {
			this.arrestedOffenders = n;
			return this;
		}

		public Builder residentViolators(long n) {
			this.residentViolators = n;
			return this;
		}

		public Builder wantedFugitives(long n) {
			this.wantedFugitives = n;
			return this;
		}

		public Builder plantsDestroyed(long n) {
			this.plantsDestroyed = n;
			return this;
		}

		public Builder plantAreaM2(String m2) {
			this.plantAreaM2 = new BigDecimal(m2);
			return this;
		}

		public Builder onIntraProvincialRoute(boolean on) {
			this.onIntraProvincialRoute = on;
			return this;
		}

		public Builder onInterProvincialRoute(boolean on) {
			this.onInterProvincialRoute = on;
			return this;
		}

		public Builder heldInCentresOrPrison(long n) {
			this.heldInCentresOrPrison = n;
			return this;
		}

		public CommuneFacts build() {
			return new CommuneFacts(communeCode, communeName, provinceCode, period, population, managedUsers,
					inSubstitutionTreatment, inCommunityRehab, inPostRehabManagement, drugUsePoints, arrestedOffenders,
					residentViolators, wantedFugitives, plantsDestroyed, plantAreaM2, onIntraProvincialRoute,
					onInterProvincialRoute, heldInCentresOrPrison);
		}

	}

}
