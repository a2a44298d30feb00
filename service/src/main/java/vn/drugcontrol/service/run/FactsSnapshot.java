package vn.drugcontrol.service.run;

import java.math.BigDecimal;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * A commune's facts exactly as submitted for a run, kept with its decision so the
 * decision can be explained and re-evaluated years later.
 */
public record FactsSnapshot(long population, long managedUsers, long inSubstitutionTreatment, long inCommunityRehab,
		long inPostRehabManagement, long drugUsePoints, long arrestedOffenders, long residentViolators,
		long wantedFugitives, long plantsDestroyed, BigDecimal plantAreaM2, boolean onIntraProvincialRoute,
		boolean onInterProvincialRoute, long heldInCentresOrPrison) {

	static FactsSnapshot of(CommuneFacts f) {
		return new FactsSnapshot(f.population(), f.managedUsers(), f.inSubstitutionTreatment(), f.inCommunityRehab(),
				f.inPostRehabManagement(), f.drugUsePoints(), f.arrestedOffenders(), f.residentViolators(),
				f.wantedFugitives(), f.plantsDestroyed(), f.plantAreaM2(), f.onIntraProvincialRoute(),
				f.onInterProvincialRoute(), f.heldInCentresOrPrison());
	}

	CommuneFacts toFacts(String communeCode, String communeName, String provinceCode, int period) {
		return new CommuneFacts(communeCode, communeName, provinceCode, period, population, managedUsers,
				inSubstitutionTreatment, inCommunityRehab, inPostRehabManagement, drugUsePoints, arrestedOffenders,
				residentViolators, wantedFugitives, plantsDestroyed, plantAreaM2, onIntraProvincialRoute,
				onInterProvincialRoute, heldInCentresOrPrison);
	}

}
