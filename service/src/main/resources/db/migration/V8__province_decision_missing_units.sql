-- A province decision is made from facts for every commune-level unit of the province (Art.
-- 5 and 6 are about the whole province). A run that leaves units out gets an INCOMPLETE
-- decision (province_decision.classification, VARCHAR(16) already) naming the units missing,
-- as the 2025 list names them when the run was stored.
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode (the quick start).

CREATE TABLE province_decision_missing_unit (
    province_decision_id BIGINT       NOT NULL,
    position             INT          NOT NULL,
    unit_code            CHAR(5)      NOT NULL,
    unit_name            VARCHAR(255) NOT NULL,
    PRIMARY KEY (province_decision_id, position),
    CONSTRAINT fk_province_missing_unit FOREIGN KEY (province_decision_id) REFERENCES province_decision (id)
);
