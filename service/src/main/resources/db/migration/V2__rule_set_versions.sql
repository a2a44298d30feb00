-- Rule-set versions: immutable bundles of DRL files and scenario tables, with who made
-- them, why, and the evaluation periods they are effective for.
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode (the quick start).
-- A bundle's files never change; only a version's status (and its activation) does.

CREATE TABLE rule_set_version (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(64)   NOT NULL,
    label           VARCHAR(255)  NOT NULL,
    author          VARCHAR(128)  NOT NULL,
    note            VARCHAR(2000) NOT NULL,
    -- RuleSetSource.contentHash of the DRL files: what a run stores as rule_set_hash
    content_hash    CHAR(64)      NOT NULL,
    -- over the name and every file of the bundle: the same upload makes one version
    bundle_hash     CHAR(64)      NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    -- business "as-of" dating: evaluation periods (years), not the wall clock
    effective_from  INT           NOT NULL,
    effective_to    INT           NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    activated_at    TIMESTAMP(3)  NULL,
    retired_at      TIMESTAMP(3)  NULL,
    -- the version whose activation retired this one; rolling that back restores this one
    superseded_by   BIGINT        NULL,
    CONSTRAINT uq_rule_set_bundle UNIQUE (bundle_hash)
);

CREATE INDEX ix_rule_set_version_content ON rule_set_version (content_hash);
CREATE INDEX ix_rule_set_version_status ON rule_set_version (status, effective_from);

CREATE TABLE rule_set_file (
    version_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    path        VARCHAR(255)  NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    content     LONGBLOB      NOT NULL,
    PRIMARY KEY (version_id, position),
    CONSTRAINT fk_rule_set_file_version FOREIGN KEY (version_id) REFERENCES rule_set_version (id)
);

-- why a bundle was rejected: compile errors and unreadable scenario tables
CREATE TABLE rule_set_problem (
    version_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    file_path   VARCHAR(255)  NOT NULL,
    line_number INT           NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    PRIMARY KEY (version_id, position),
    CONSTRAINT fk_rule_set_problem_version FOREIGN KEY (version_id) REFERENCES rule_set_version (id)
);
