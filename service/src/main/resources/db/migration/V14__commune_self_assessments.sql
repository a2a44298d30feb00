-- Issue 16, items 1 and 2: each commune's self-assessment for a period (Art. 7.1 of Decision
-- 28/2025/QĐ-TTg) and the province's consolidation of them. One row per commune and period,
-- its status (DRAFT → SUBMITTED → RETURNED → SUBMITTED … → ACCEPTED) and its facts as entered
-- (a JSON object of the facts contract's fields, as text); every submission kept with who
-- and when and what the province did with it; every figure a province officer corrected,
-- with the old and new value and the reason (also in the audit trail).
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode. DATETIME, not TIMESTAMP
-- (see V5).

CREATE TABLE commune_assessment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    commune_code    CHAR(5)       NOT NULL,
    province_code   CHAR(2)       NOT NULL,
    period          INT           NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    facts           VARCHAR(4000) NOT NULL,
    updated_by      VARCHAR(128)  NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    decided_by      VARCHAR(128)  NULL,
    decided_at      DATETIME(3)   NULL,
    return_reason   VARCHAR(1000) NULL,
    CONSTRAINT uq_assessment_commune_period UNIQUE (commune_code, period)
);

CREATE INDEX ix_assessment_province_period ON commune_assessment (province_code, period);

CREATE TABLE commune_assessment_submission (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    assessment_id   BIGINT        NOT NULL,
    submitted_by    VARCHAR(128)  NOT NULL,
    submitted_at    DATETIME(3)   NOT NULL,
    facts           VARCHAR(4000) NOT NULL,
    outcome         VARCHAR(16)   NULL,
    decided_by      VARCHAR(128)  NULL,
    decided_at      DATETIME(3)   NULL,
    reason          VARCHAR(1000) NULL,
    CONSTRAINT fk_submission_assessment FOREIGN KEY (assessment_id) REFERENCES commune_assessment (id)
);

CREATE TABLE commune_assessment_correction (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    assessment_id   BIGINT        NOT NULL,
    field           VARCHAR(64)   NOT NULL,
    old_value       VARCHAR(255)  NULL,
    new_value       VARCHAR(255)  NULL,
    reason          VARCHAR(1000) NOT NULL,
    corrected_by    VARCHAR(128)  NOT NULL,
    corrected_at    DATETIME(3)   NOT NULL,
    CONSTRAINT fk_correction_assessment FOREIGN KEY (assessment_id) REFERENCES commune_assessment (id)
);
