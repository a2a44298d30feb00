package vn.drugcontrol.service.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovalStatus;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.Approvals;
import vn.drugcontrol.service.approval.Approvals.Approval;
import vn.drugcontrol.service.approval.Approvals.Override;
import vn.drugcontrol.service.security.ProvinceScope;
import vn.drugcontrol.service.security.Roles;

/**
 * What the run and decision pages show of a run's approval, and which actions the
 * signed-in user may take there ({@code ${@approvalConsole.ofRun(run.id,
 * run.provinceCode)}}). The buttons follow the same rules the services and the security
 * configuration enforce: officers of the run's province submit, approvers of its province
 * approve, return, propose and confirm (never their own proposal).
 */
@Component
class ApprovalConsole {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Approvals approvals;

	private final ApprovedClasses approvedClasses;

	private final ProvinceScope scope;

	ApprovalConsole(Approvals approvals, ApprovedClasses approvedClasses, ProvinceScope scope) {
		this.approvals = approvals;
		this.approvedClasses = approvedClasses;
		this.scope = scope;
	}

	/** A run's approval and the signed-in user's possible actions. */
	record RunApproval(Approval approval, List<Override> overrides, long pending, boolean maySubmit,
			boolean mayDecide) {

		public boolean readOnly() {
			return approval.status() == ApprovalStatus.APPROVED;
		}

	}

	/**
	 * One commune's classes: the rules' recommendation and the approved class (once the
	 * run is approved, as {@link ApprovedClasses} reads it; before, the class it would
	 * have: the confirmed override's, else the recommendation), and the override if any.
	 */
	record DecisionApproval(ApprovalStatus status, Classification recommended, Classification approved,
			Override override, List<Classification> alternatives, boolean mayPropose, boolean mayConfirm,
			boolean ownProposal) {

		public boolean pending() {
			return override != null && !override.confirmed();
		}

	}

	public RunApproval ofRun(long runId, String provinceCode) {
		Approval approval = approvals.of(runId);
		List<Override> overrides = approvals.overridesOf(runId);
		long pending = overrides.stream().filter(o -> !o.confirmed()).count();
		boolean submittable = approval.status() == ApprovalStatus.DRAFT || approval.status() == ApprovalStatus.RETURNED;
		return new RunApproval(approval, overrides, pending,
				submittable && has(Roles.OFFICER) && ownProvince(provinceCode),
				approval.status() == ApprovalStatus.SUBMITTED && has(Roles.APPROVER) && ownProvince(provinceCode));
	}

	public DecisionApproval ofDecision(long decisionId, long runId, String provinceCode, Classification recommended) {
		ApprovalStatus status = approvals.of(runId).status();
		Optional<Override> override = approvals.overridesOf(runId)
			.stream()
			.filter(o -> o.decisionId() == decisionId)
			.findFirst();
		Classification approved = (status == ApprovalStatus.APPROVED)
				? approvedClasses.ofDecision(decisionId).orElseThrow().approvedClass()
				: override.filter(Override::confirmed).map(Override::approvedClass).orElse(recommended);
		boolean approver = status == ApprovalStatus.SUBMITTED && has(Roles.APPROVER) && ownProvince(provinceCode);
		boolean own = override.isPresent() && override.get().proposedBy().equals(user());
		List<Classification> alternatives = Arrays.stream(Classification.values())
			.filter(c -> c != recommended && c != Classification.UNCLASSIFIED)
			.toList();
		return new DecisionApproval(status, recommended, approved, override.orElse(null), alternatives,
				approver && override.isEmpty(), approver && override.isPresent() && !override.get().confirmed() && !own,
				own);
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	/** The signed-in user's name, or null. */
	static String user() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken))
				? caller.getName() : null;
	}

	private static boolean has(String role) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null
				&& caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
	}

	private boolean ownProvince(String provinceCode) {
		return scope.mayWrite(provinceCode);
	}

}
