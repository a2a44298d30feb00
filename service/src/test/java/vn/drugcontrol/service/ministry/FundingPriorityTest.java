package vn.drugcontrol.service.ministry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;
import vn.drugcontrol.service.ministry.FundingPriority.Ground;

import static org.assertj.core.api.Assertions.assertThat;

/** Project 4's rule: type I, type II, and type III only on a key route. */
class FundingPriorityTest {

	@Test
	void typesIAndIIAlwaysTypeIIIOnlyOnAKeyRouteDrugFreeNever() {
		assertThat(FundingPriority.ground(commune(Classification.TYPE_I, false, false))).contains(Ground.TYPE_I);
		assertThat(FundingPriority.ground(commune(Classification.TYPE_II, false, false))).contains(Ground.TYPE_II);
		assertThat(FundingPriority.ground(commune(Classification.TYPE_III, false, false))).isEmpty();
		assertThat(FundingPriority.ground(commune(Classification.TYPE_III, true, false)))
			.contains(Ground.TYPE_III_ON_KEY_ROUTE);
		assertThat(FundingPriority.ground(commune(Classification.TYPE_III, false, true)))
			.contains(Ground.TYPE_III_ON_KEY_ROUTE);
		assertThat(FundingPriority.ground(commune(Classification.DRUG_FREE, true, true))).isEmpty();
		assertThat(FundingPriority.ground(commune(Classification.UNCLASSIFIED, true, true))).isEmpty();
	}

	private static ApprovedCommune commune(Classification k, boolean intra, boolean inter) {
		return new ApprovedCommune("01273", "Thục Phán", "04", 2025, k, k, false, null, intra, inter, 1, 1,
				"125/QĐ-UBND", LocalDate.of(2025, 12, 20));
	}

}
