package vn.drugcontrol.service.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every entry is as written
 * @param entriesChecked entries read until the end or the first broken one
 * @param brokenEntryId the first entry that does not verify, or null
 * @param problem what is wrong with it, or null
 * @param lastEntryId the last entry of an intact chain
 * @param lastHash its hash: keep it elsewhere (e.g. with the backup) to detect a rewrite
 * of the whole chain
 */
public record AuditVerification(boolean intact, long entriesChecked, Long brokenEntryId, String problem,
		Long lastEntryId, String lastHash) {

	static AuditVerification intact(long checked, long lastId, String lastHash) {
		return new AuditVerification(true, checked, null, null, lastId, lastHash);
	}

	static AuditVerification broken(long checked, long entryId, String problem) {
		return new AuditVerification(false, checked, entryId, problem, null, null);
	}

}
