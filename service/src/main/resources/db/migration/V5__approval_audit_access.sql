-- Issue 6: approval of runs with overrides (dual control), the tamper-evident audit trail,
-- and hashed API tokens. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode.
-- DATETIME (not TIMESTAMP): MariaDB would otherwise add ON UPDATE CURRENT_TIMESTAMP to the
-- first TIMESTAMP column of a table whose rows are updated.

-- A run's approval: no row = draft; SUBMITTED → APPROVED | RETURNED (→ SUBMITTED again).
CREATE TABLE run_approval (
    run_id           BIGINT        PRIMARY KEY,
    province_code    CHAR(2)       NOT NULL,
    period           INT           NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    submitted_by     VARCHAR(128)  NOT NULL,
    submitted_at     DATETIME(3)   NOT NULL,
    decided_by       VARCHAR(128)  NULL,
    decided_at       DATETIME(3)   NULL,
    decision_number  VARCHAR(64)   NULL,
    decision_date    DATE          NULL,
    return_reason    VARCHAR(1000) NULL,
    -- 'province-period' once approved, else NULL: at most one approved run per province and period
    approved_for     VARCHAR(16)   NULL,
    CONSTRAINT fk_approval_run FOREIGN KEY (run_id) REFERENCES classification_run (id),
    CONSTRAINT uq_approval_approved_for UNIQUE (approved_for)
);

-- An approver's class for a commune other than the rules' recommendation; counts once
-- confirmed by a second approver (dual control).
CREATE TABLE classification_override (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id            BIGINT        NOT NULL,
    decision_id       BIGINT        NOT NULL,
    commune_code      CHAR(5)       NOT NULL,
    recommended_class VARCHAR(16)   NOT NULL,
    approved_class    VARCHAR(16)   NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    proposed_by       VARCHAR(128)  NOT NULL,
    proposed_at       DATETIME(3)   NOT NULL,
    confirmed_by      VARCHAR(128)  NULL,
    confirmed_at      DATETIME(3)   NULL,
    CONSTRAINT fk_override_run FOREIGN KEY (run_id) REFERENCES classification_run (id),
    CONSTRAINT fk_override_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
    CONSTRAINT uq_override_decision UNIQUE (decision_id)
);

-- Append-only: the application only inserts. Each entry carries the SHA-256 of the one
-- before (64 zeros for the first) and its own, over its canonical content.
CREATE TABLE audit_entry (
    id            BIGINT        PRIMARY KEY,
    occurred_at   DATETIME(3)   NOT NULL,
    actor         VARCHAR(128)  NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    subject       VARCHAR(128)  NOT NULL,
    details       VARCHAR(4000) NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    entry_hash    CHAR(64)      NOT NULL
);

-- The chain's head, one row: locked while an entry is appended so entries form one chain.
CREATE TABLE audit_head (
    id        INT      PRIMARY KEY,
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

-- API clients' bearer tokens, kept as SHA-256 only.
CREATE TABLE api_token (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_name   VARCHAR(128) NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    roles         VARCHAR(255) NOT NULL,
    province_code VARCHAR(2)   NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
