package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import vn.drugcontrol.service.system.ApiLimits;

/**
 * One commune's facts as the JSON bodies of the API give them: the facts contract
 * ({@code docs/facts-contract.md}, {@link FactsColumn}) written as the OpenAPI document
 * shows it. The bodies are read by {@link FactsImporter#readJson}, which checks every
 * field and reports each problem by item and field; this record only describes them.
 * Limits are the importer's ({@link CommuneRows}); the example is the first commune of
 * {@code data-samples/evaluation-request.json}.
 */
@Schema(name = "CommuneFactsInput", description = "One commune's facts (the facts contract, docs/facts-contract.md).")
public record CommuneFactsInput(
		@Schema(description = "5-digit code of the xã / phường / đặc khu (2025 list of units)", example = "01447",
				requiredMode = RequiredMode.REQUIRED, pattern = ApiLimits.COMMUNE_CODE, minLength = 5,
				maxLength = 5) String communeCode,
		@Schema(description = "the unit's name, checked against the code in the 2025 list", example = "Trà Lĩnh",
				requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64) String communeName,
		@Schema(description = "2-digit province code", example = "04", requiredMode = RequiredMode.REQUIRED,
				pattern = ApiLimits.PROVINCE_CODE, minLength = 2, maxLength = 2) String provinceCode,
		@Schema(description = "evaluation period, e.g. 2025 = 15 Dec 2024 – 14 Dec 2025", example = "2025",
				requiredMode = RequiredMode.REQUIRED, minimum = "" + CommuneRows.FIRST_PERIOD,
				maximum = "" + CommuneRows.LAST_PERIOD) Integer period,
		@Schema(description = "people currently residing", example = "12360", requiredMode = RequiredMode.REQUIRED,
				minimum = "1", maximum = MAX_COUNT) Long population,
		@Schema(description = "drug addicts and illegal users with a management record, incl. the three groups below (Art. 4 a)",
				example = "71", requiredMode = RequiredMode.REQUIRED, minimum = "0",
				maximum = MAX_COUNT) Long managedUsers,
		@Schema(description = "of those: in opioid substitution treatment (Art. 6.1)", example = "11",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long inSubstitutionTreatment,
		@Schema(description = "of those: in family/community-based rehabilitation (Art. 6.1)", example = "6",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long inCommunityRehab,
		@Schema(description = "of those: under post-rehabilitation management (Art. 6.1)", example = "4",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long inPostRehabManagement,
		@Schema(description = "points organising or harbouring illegal drug use (Art. 4 b, 6.3)", example = "2",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long drugUsePoints,
		@Schema(description = "drug offenders arrested in the commune (Art. 4 c)", example = "14",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long arrestedOffenders,
		@Schema(description = "residents who violated drug law in the commune (Art. 6.2)", example = "10",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long residentViolators,
		@Schema(description = "fugitives wanted for drug crimes hiding in the commune (Art. 6.2)", example = "1",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long wantedFugitives,
		@Schema(description = "drug plants found and destroyed (Art. 4 d)", example = "0",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = MAX_COUNT) Long plantsDestroyed,
		@Schema(description = "area of drug plants found and destroyed, m² (Art. 4 d); an exact decimal", example = "0",
				requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "10000000000") BigDecimal plantAreaM2,
		@Schema(description = "lies on an approved intra-provincial key route (Art. 4 đ); left out or null: the key-route registry's value, else false",
				example = "false") Boolean onIntraProvincialRoute,
		@Schema(description = "lies on an approved inter-provincial key route (Art. 4 đ, 5.6); left out or null: the key-route registry's value, else false",
				example = "true") Boolean onInterProvincialRoute,
		@Schema(description = "residents held in compulsory rehabilitation centres or prison at the period's end; recorded, counted in no criterion; left out: 0",
				example = "3", minimum = "0", maximum = MAX_COUNT) Long heldInCentresOrPrison) {

	/** {@link CommuneRows#MAX_COUNT}, as the annotations need it. */
	static final String MAX_COUNT = "1000000000";

}
