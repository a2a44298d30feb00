-- Issue 16, items 3-5: the province's report to the Ministry of Public Security (Art. 7.2),
-- the Ministry's decision on it (Art. 7.3), and the feed of approval events other systems
-- poll. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode, like V1.

-- Every approval step other systems care about, numbered in the order it committed: the
-- cursor of GET /api/v1/approval-events and the "since" of GET /api/v1/approved-classes.
-- kind: RUN_APPROVED (the People's Committee approved a run's commune lists),
-- REPORT_SUBMITTED, REPORT_APPROVED, REPORT_RETURNED (the province's report to the Ministry).
CREATE TABLE approval_event (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL,
    province_code    CHAR(2)       NOT NULL,
    period           INT           NOT NULL,
    run_id           BIGINT        NOT NULL,
    decision_number  VARCHAR(64)   NULL,
    decision_date    DATE          NULL,
    actor            VARCHAR(128)  NOT NULL,
    occurred_at      DATETIME(3)   NOT NULL
);

CREATE INDEX ix_approval_event_period ON approval_event (period, kind);
CREATE INDEX ix_approval_event_run ON approval_event (run_id);

-- Runs approved before this migration: their approval is the first events of the feed.
INSERT INTO approval_event (kind, province_code, period, run_id, decision_number, decision_date, actor, occurred_at)
SELECT 'RUN_APPROVED', province_code, period, run_id, decision_number, decision_date, decided_by, decided_at
FROM run_approval WHERE status = 'APPROVED' ORDER BY decided_at, run_id;

-- A province's report to the Ministry for a period (one per province and period): the run
-- its People's Committee approved, what it said when submitted (the province class of
-- Art. 5/6, the counts of the approved lists), and the Ministry's decision.
-- status: SUBMITTED -> APPROVED | RETURNED (-> SUBMITTED again).
CREATE TABLE ministry_report (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code            CHAR(2)       NOT NULL,
    period                   INT           NOT NULL,
    run_id                   BIGINT        NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    province_class           VARCHAR(16)   NOT NULL,
    province_criteria_met    VARCHAR(255)  NOT NULL,
    commune_count            INT           NOT NULL,
    type_i_count             INT           NOT NULL,
    type_ii_count            INT           NOT NULL,
    type_iii_count           INT           NOT NULL,
    drug_free_count          INT           NOT NULL,
    unclassified_count       INT           NOT NULL,
    submitted_by             VARCHAR(128)  NOT NULL,
    submitted_at             DATETIME(3)   NOT NULL,
    decided_by               VARCHAR(128)  NULL,
    decided_at               DATETIME(3)   NULL,
    decision_number          VARCHAR(64)   NULL,
    decision_date            DATE          NULL,
    return_reason            VARCHAR(1000) NULL,
    CONSTRAINT fk_ministry_report_run FOREIGN KEY (run_id) REFERENCES classification_run (id),
    CONSTRAINT uq_ministry_report UNIQUE (province_code, period)
);

-- The key routes the report lists: the intra-provincial ones (approved by the province)
-- and the inter-provincial ones the Ministry approves, as registered when submitted.
CREATE TABLE ministry_report_route (
    report_id        BIGINT        NOT NULL,
    position         INT           NOT NULL,
    route_code       VARCHAR(32)   NOT NULL,
    route_name       VARCHAR(255)  NOT NULL,
    kind             VARCHAR(24)   NOT NULL,
    approved_by      VARCHAR(255)  NOT NULL,
    decision_number  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (report_id, position),
    CONSTRAINT fk_report_route FOREIGN KEY (report_id) REFERENCES ministry_report (id)
);
