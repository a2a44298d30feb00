/**
 * A commune's self-assessment for a period (Art. 7.1 of Decision 28/2025/QĐ-TTg: draft,
 * submission to the province) and the province's consolidation of them (a status board,
 * return with a reason, acceptance, audited corrections, the province's run from the
 * accepted submissions). The API ({@code AssessmentController}) and the console
 * ({@code web/}) call the same service,
 * {@link vn.drugcontrol.service.assessment.Assessments}, where who may do what is
 * declared once.
 */
package vn.drugcontrol.service.assessment;
