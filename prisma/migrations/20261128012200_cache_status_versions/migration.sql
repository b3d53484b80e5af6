-- Issue 21: a second version per commune ("status:<id>") for what the reviewer matrix and the
-- completeness board show: which plans and quarterly reports exist, their status and submission
-- dates, and the review decisions (first submissions). A draft save writes figures and bumps the
-- report's lock version, which changes the commune's data version ("commune:<id>", read by the
-- dashboard and the comparison) but not this one, so the province's matrix stays cached through
-- the many draft saves of a deadline day. The data version keeps being bumped by every write,
-- status changes included (migration 20261127210500_cache_versions).

-- Inserted or deleted plans and reports, every decision: always a status change.
CREATE FUNCTION cache_bump_status_by_commune() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(SELECT DISTINCT 'status:' || c."communeId" FROM changed c));
  RETURN NULL;
END $$;

-- An updated report: only when what the matrix shows changed (not its lock version, which every draft save increments).
CREATE FUNCTION cache_bump_status_report_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(
    SELECT DISTINCT 'status:' || s FROM changed n JOIN old_rows o ON o."id" = n."id",
      LATERAL unnest(ARRAY[o."communeId", n."communeId"]) AS s
    WHERE (o."status", o."submittedAt", o."communeId", o."periodId") IS DISTINCT FROM (n."status", n."submittedAt", n."communeId", n."periodId")));
  RETURN NULL;
END $$;

-- An updated plan: only its status, submission date, year or commune (hand edits of a draft plan's outline are data).
CREATE FUNCTION cache_bump_status_plan_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(
    SELECT DISTINCT 'status:' || s FROM changed n JOIN old_rows o ON o."id" = n."id",
      LATERAL unnest(ARRAY[o."communeId", n."communeId"]) AS s
    WHERE (o."status", o."submittedAt", o."communeId", o."year") IS DISTINCT FROM (n."status", n."submittedAt", n."communeId", n."year")));
  RETURN NULL;
END $$;

CREATE TRIGGER cache_status_insert AFTER INSERT ON "QuarterlyReport" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_delete AFTER DELETE ON "QuarterlyReport" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_update AFTER UPDATE ON "QuarterlyReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_report_update();

CREATE TRIGGER cache_status_insert AFTER INSERT ON "Plan" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_delete AFTER DELETE ON "Plan" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_update AFTER UPDATE ON "Plan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_plan_update();

CREATE TRIGGER cache_status_insert AFTER INSERT ON "ReviewDecision" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_delete AFTER DELETE ON "ReviewDecision" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
CREATE TRIGGER cache_status_update AFTER UPDATE ON "ReviewDecision" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cache_bump_status_by_commune();
