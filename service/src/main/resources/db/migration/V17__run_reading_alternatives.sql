-- What every other reading of the Decision would change in a run (issue 15, item 2): for
-- each switch of the interpretation ledger (rules/…/law/switches.csv) with another option,
-- the run's facts classified with the run's reading with that one switch flipped. Only the
-- counts are kept: how many communes change class and the cells of the change matrix off
-- its diagonal ("TYPE_II>UNCLASSIFIED:1,…"; the diagonal follows from the run's counts).
-- Which communes is re-evaluated on demand from the decisions' stored facts. Written once,
-- in the run's transaction; not_evaluated says why a flip has no counts (its bundle does
-- not compile, or the run's files take no one option of the switch).
CREATE TABLE run_reading_alternative (
    run_id            BIGINT        NOT NULL,
    position          INT           NOT NULL,
    switch_id         VARCHAR(64)   NOT NULL,
    from_option       VARCHAR(64)   NULL,
    to_option         VARCHAR(64)   NULL,
    alternative_hash  CHAR(64)      NULL,
    changed_count     INT           NULL,
    change_matrix     VARCHAR(1000) NULL,
    not_evaluated     VARCHAR(1000) NULL,
    PRIMARY KEY (run_id, position),
    CONSTRAINT fk_reading_alternative_run FOREIGN KEY (run_id) REFERENCES classification_run (id)
);
