-- Key routes, province decisions, what-would-it-take gaps and drug-free targets (issue 5).
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode, like V1.

-- The key-route registry (Art. 3): an approved route, the periods it is in force, and the
-- communes it passes through. Runs derive each commune's route facts from it.
CREATE TABLE key_route (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(32)   NOT NULL,
    name             VARCHAR(255)  NOT NULL,
    kind             VARCHAR(24)   NOT NULL,
    approved_by      VARCHAR(255)  NOT NULL,
    decision_number  VARCHAR(64)   NOT NULL,
    first_period     INT           NOT NULL,
    last_period      INT           NULL,
    created_by       VARCHAR(128)  NOT NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_key_route_code UNIQUE (code)
);

CREATE TABLE key_route_commune (
    key_route_id     BIGINT        NOT NULL,
    position         INT           NOT NULL,
    commune_code     CHAR(5)       NOT NULL,
    province_code    CHAR(2)       NOT NULL,
    PRIMARY KEY (key_route_id, position),
    CONSTRAINT fk_route_commune_route FOREIGN KEY (key_route_id) REFERENCES key_route (id)
);

CREATE INDEX ix_route_commune_province ON key_route_commune (province_code, commune_code);

-- A run's province decision (Art. 5, 6), written with the run and never changed.
CREATE TABLE province_decision (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                    BIGINT        NOT NULL,
    province_code             CHAR(2)       NOT NULL,
    period                    INT           NOT NULL,
    classification            VARCHAR(16)   NOT NULL,
    decided_by                VARCHAR(255)  NOT NULL,
    criteria_met              VARCHAR(255)  NOT NULL,
    population                BIGINT        NOT NULL,
    managed_users             BIGINT        NOT NULL,
    exempt_users              BIGINT        NOT NULL,
    drug_use_points           BIGINT        NOT NULL,
    arrested_offenders        BIGINT        NOT NULL,
    resident_violators        BIGINT        NOT NULL,
    wanted_fugitives          BIGINT        NOT NULL,
    plants_destroyed          BIGINT        NOT NULL,
    plant_area_m2             DECIMAL(18,4) NOT NULL,
    commune_units             BIGINT        NOT NULL,
    key_area_communes         BIGINT        NOT NULL,
    on_inter_provincial_route BOOLEAN       NOT NULL,
    route_source              VARCHAR(16)   NOT NULL,
    CONSTRAINT fk_province_decision_run FOREIGN KEY (run_id) REFERENCES classification_run (id),
    CONSTRAINT uq_province_decision_run UNIQUE (run_id)
);

CREATE TABLE province_decision_evidence (
    province_decision_id BIGINT     NOT NULL,
    position      INT           NOT NULL,
    criterion_id  VARCHAR(8)    NOT NULL,
    measure       VARCHAR(32)   NOT NULL,
    label_vi      VARCHAR(512)  NOT NULL,
    label_en      VARCHAR(512)  NOT NULL,
    observed      VARCHAR(255)  NOT NULL,
    threshold     VARCHAR(255)  NOT NULL,
    met           BOOLEAN       NOT NULL,
    rule_name     VARCHAR(255)  NOT NULL,
    PRIMARY KEY (province_decision_id, position),
    CONSTRAINT fk_province_evidence FOREIGN KEY (province_decision_id) REFERENCES province_decision (id)
);

-- "What would it take?": the gaps the rules derived for a decision.
CREATE TABLE decision_gap (
    decision_id   BIGINT        NOT NULL,
    position      INT           NOT NULL,
    towards       VARCHAR(16)   NOT NULL,
    criterion_id  VARCHAR(8)    NOT NULL,
    amount        BIGINT        NOT NULL,
    text_vi       VARCHAR(512)  NOT NULL,
    text_en       VARCHAR(512)  NOT NULL,
    rule_name     VARCHAR(255)  NOT NULL,
    PRIMARY KEY (decision_id, position),
    CONSTRAINT fk_gap_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
);

-- Yearly targets: the share of commune-level units to be drug-free by the end of a year.
-- scope: a 2-digit province code, or VN for the whole country. The shipped examples
-- (vn/drugcontrol/service/target/shipped-targets.csv) apply where this table has no row for
-- the same scope and year; rows here are set through the API.
-- source: who or what set the target.
CREATE TABLE drug_free_target (
    scope             VARCHAR(2)    NOT NULL,
    target_year       INT           NOT NULL,
    drug_free_percent DECIMAL(5,2)  NOT NULL,
    source            VARCHAR(255)  NOT NULL,
    PRIMARY KEY (scope, target_year)
);

