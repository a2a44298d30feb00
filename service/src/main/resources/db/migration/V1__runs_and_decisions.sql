-- Classification runs and their decisions, with the evidence behind every decision.
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode (the quick start).
-- Rows are written once and never updated: a run's decisions never change.

CREATE TABLE classification_run (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code        CHAR(2)      NOT NULL,
    period               INT          NOT NULL,
    rule_set_name        VARCHAR(64)  NOT NULL,
    rule_set_hash        CHAR(64)     NOT NULL,
    engine_version       VARCHAR(64)  NOT NULL,
    facts_hash           CHAR(64)     NOT NULL,
    source_name          VARCHAR(255) NOT NULL,
    source_format        VARCHAR(8)   NOT NULL,
    started_by           VARCHAR(128) NOT NULL,
    started_at           TIMESTAMP(3) NOT NULL,
    finished_at          TIMESTAMP(3) NOT NULL,
    commune_count        INT          NOT NULL,
    type_i_count         INT          NOT NULL,
    type_ii_count        INT          NOT NULL,
    type_iii_count       INT          NOT NULL,
    drug_free_count      INT          NOT NULL,
    unclassified_count   INT          NOT NULL,
    -- identical facts for the same province, period and rule set make one run (idempotency)
    CONSTRAINT uq_run_identity UNIQUE (province_code, period, rule_set_hash, facts_hash)
);

CREATE INDEX ix_run_province_period ON classification_run (province_code, period);

CREATE TABLE decision (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                    BIGINT        NOT NULL,
    commune_code              CHAR(5)       NOT NULL,
    commune_name              VARCHAR(128)  NOT NULL,
    province_code             CHAR(2)       NOT NULL,
    period                    INT           NOT NULL,
    classification            VARCHAR(16)   NOT NULL,
    decided_by                VARCHAR(255)  NOT NULL,
    criteria_met              VARCHAR(255)  NOT NULL,
    -- the facts as submitted (snapshot)
    population                BIGINT        NOT NULL,
    managed_users             BIGINT        NOT NULL,
    in_substitution_treatment BIGINT        NOT NULL,
    in_community_rehab        BIGINT        NOT NULL,
    in_post_rehab_management  BIGINT        NOT NULL,
    drug_use_points           BIGINT        NOT NULL,
    arrested_offenders        BIGINT        NOT NULL,
    resident_violators        BIGINT        NOT NULL,
    wanted_fugitives          BIGINT        NOT NULL,
    plants_destroyed          BIGINT        NOT NULL,
    plant_area_m2             DECIMAL(18,4) NOT NULL,
    on_intra_provincial_route BOOLEAN       NOT NULL,
    on_inter_provincial_route BOOLEAN       NOT NULL,
    held_in_centres_or_prison BIGINT        NOT NULL,
    CONSTRAINT fk_decision_run FOREIGN KEY (run_id) REFERENCES classification_run (id),
    CONSTRAINT uq_decision_run_commune UNIQUE (run_id, commune_code)
);

CREATE INDEX ix_decision_commune_period ON decision (commune_code, period);

CREATE TABLE decision_evidence (
    decision_id   BIGINT        NOT NULL,
    position      INT           NOT NULL,
    criterion_id  VARCHAR(8)    NOT NULL,
    measure       VARCHAR(32)   NOT NULL,
    label_vi      VARCHAR(512)  NOT NULL,
    label_en      VARCHAR(512)  NOT NULL,
    observed      VARCHAR(255)  NOT NULL,
    threshold     VARCHAR(255)  NOT NULL,
    met           BOOLEAN       NOT NULL,
    rule_name     VARCHAR(255)  NOT NULL,
    PRIMARY KEY (decision_id, position),
    CONSTRAINT fk_evidence_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
);

CREATE TABLE decision_warning (
    decision_id   BIGINT        NOT NULL,
    position      INT           NOT NULL,
    code          VARCHAR(64)   NOT NULL,
    message_vi    VARCHAR(512)  NOT NULL,
    message_en    VARCHAR(512)  NOT NULL,
    rule_name     VARCHAR(255)  NOT NULL,
    PRIMARY KEY (decision_id, position),
    CONSTRAINT fk_warning_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
);
