-- Issue 15: the exhaustive check of each rule-set version (rules' proof package), run when
-- the version is stored: its summary, and the analyst's override when its rules are not
-- monotone (the override's audit entry is in the hash chain). The cells themselves are
-- recomputed from the version's rules when asked for (same rules, same cells).
-- Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode.
CREATE TABLE rule_set_proof (
    version_id       BIGINT        NOT NULL PRIMARY KEY,
    checked_at       TIMESTAMP(3)  NOT NULL,
    -- the law's periods checked, e.g. "2020"
    periods          VARCHAR(255)  NOT NULL,
    cells            INT           NOT NULL,
    type_i           INT           NOT NULL,
    type_ii          INT           NOT NULL,
    type_iii         INT           NOT NULL,
    drug_free        INT           NOT NULL,
    unclassified     INT           NOT NULL,
    -- cells where no class rule or several fired
    not_one_class    INT           NOT NULL,
    counterexamples  INT           NOT NULL,
    -- Art. 6 and a type of Art. 4 both hold: "TYPE_I>TYPE_I=199;TYPE_III>DRUG_FREE=274"
    overlaps         VARCHAR(1000) NOT NULL,
    monotone         BOOLEAN       NOT NULL,
    proven           BOOLEAN       NOT NULL,
    millis           BIGINT        NOT NULL,
    -- the check could not run (the rules failed on its communes): why
    failure          VARCHAR(2000) NULL,
    -- the last activation despite counterexamples: who, when, why
    override_by      VARCHAR(128)  NULL,
    override_at      TIMESTAMP(3)  NULL,
    override_reason  VARCHAR(2000) NULL,
    CONSTRAINT fk_rule_set_proof_version FOREIGN KEY (version_id) REFERENCES rule_set_version (id)
        ON DELETE CASCADE
);
