-- Issue 17, item 4 (official documents): who signed the People's Committee's decision, for
-- the signature block of the approved list and the communes' decision sheets. Optional:
-- without a name the documents leave a blank line to sign. The position is CHAIRMAN
-- (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH) or VICE_CHAIRMAN (… / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).
ALTER TABLE run_approval ADD COLUMN signer_name VARCHAR(128) NULL;
ALTER TABLE run_approval ADD COLUMN signer_position VARCHAR(16) NULL;
