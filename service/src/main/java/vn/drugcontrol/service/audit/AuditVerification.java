package vn.drugcontrol.service.audit;

/**
 * The result of walking the audit chain, and of checking it against signed checkpoints.
 *
 * @param intact whether every entry is as written (and as the checkpoints signed it)
 * @param entriesChecked entries read until the end or the first broken one
 * @param brokenEntryId the first entry that does not verify, or null
 * @param problem what is wrong with it, or null
 * @param lastEntryId the last entry of an intact chain
 * @param lastHash its hash
 * @param checkpointsChecked signed checkpoints the chain was checked against
 * @param brokenCheckpointId the checkpoint the chain (or whose signature) does not match,
 * or null
 * @param anchoredUpTo the last entry a checkpoint signed, on an intact chain (null:
 * none); later entries are protected by the chain alone until the next checkpoint
 */
public record AuditVerification(boolean intact, long entriesChecked, Long brokenEntryId, String problem,
		Long lastEntryId, String lastHash, int checkpointsChecked, Long brokenCheckpointId, Long anchoredUpTo) {

	static AuditVerification intact(long checked, long lastId, String lastHash, int checkpoints, Long anchoredUpTo) {
		return new AuditVerification(true, checked, null, null, lastId, lastHash, checkpoints, null, anchoredUpTo);
	}

	static AuditVerification broken(long checked, long entryId, String problem) {
		return new AuditVerification(false, checked, entryId, problem, null, null, 0, null, null);
	}

	static AuditVerification broken(long checked, long entryId, long checkpointId, String problem) {
		return new AuditVerification(false, checked, entryId, problem, null, null, 0, checkpointId, null);
	}

}
