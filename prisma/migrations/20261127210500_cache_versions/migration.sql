-- CreateTable
CREATE TABLE "CacheVersion" (
    "scope" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("scope")
);


-- Issue 21: the versions the page cache checks (src/server/cache/versioned.ts). Bumped here, in
-- the writing transaction, rather than by the app: every write path (actions, imports, unit
-- merges, scripts, the seed) invalidates what it changes, and a reader on any instance sees the
-- new version as soon as the write commits. Statement-level triggers with transition tables:
-- one execution per statement, however many rows (createMany of thousands stays cheap), and
-- nothing when a statement changed no row.

-- Scopes in a fixed order: two transactions bumping the same scopes lock them in the same order.
CREATE FUNCTION cache_bump(scopes TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "CacheVersion" ("scope", "version")
  SELECT DISTINCT s, 1 FROM unnest(scopes) AS s WHERE s IS NOT NULL ORDER BY 1
  ON CONFLICT ("scope") DO UPDATE SET "version" = "CacheVersion"."version" + 1;
$$;

-- Rows that carry their commune.
CREATE FUNCTION cache_bump_by_commune() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(SELECT DISTINCT 'commune:' || c."communeId" FROM changed c));
  RETURN NULL;
END $$;

-- Rows of a quarterly report (figures, progress, the snapshot taken at submission).
CREATE FUNCTION cache_bump_by_report() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(SELECT DISTINCT 'commune:' || r."communeId" FROM changed c JOIN "QuarterlyReport" r ON r."id" = c."reportId"));
  RETURN NULL;
END $$;

-- Rows of a plan (its outline, tasks, indicators, versions).
CREATE FUNCTION cache_bump_by_plan() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cache_bump(ARRAY(SELECT DISTINCT 'commune:' || p."communeId" FROM changed c JOIN "Plan" p ON p."id" = c."planId"));
  RETURN NULL;
END $$;

-- Everything else a cached page reads (units and the hierarchy, deadlines, who implements what).
CREATE FUNCTION cache_bump_global() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM cache_bump(ARRAY['global']);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t RECORD;
  ev TEXT;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('QuarterlyReport', 'cache_bump_by_commune'), ('ReviewDecision', 'cache_bump_by_commune'), ('Evidence', 'cache_bump_by_commune'),
    ('Plan', 'cache_bump_by_commune'), ('ResponsibleUnit', 'cache_bump_by_commune'),
    ('IndicatorValue', 'cache_bump_by_report'), ('TaskProgress', 'cache_bump_by_report'), ('ReportSnapshot', 'cache_bump_by_report'),
    ('PlanSection', 'cache_bump_by_plan'), ('Task', 'cache_bump_by_plan'), ('Indicator', 'cache_bump_by_plan'), ('PlanVersion', 'cache_bump_by_plan'),
    ('OrgUnit', 'cache_bump_global'), ('TaskCoordinatingUnit', 'cache_bump_global'), ('IndicatorImplementingUnit', 'cache_bump_global'),
    ('ReportingDeadline', 'cache_bump_global'), ('ReportingDeadlineRule', 'cache_bump_global')
  ) AS v(tbl, fn) LOOP
    FOREACH ev IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()',
        'cache_version_' || lower(ev), ev, t.tbl, CASE ev WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END, t.fn
      );
    END LOOP;
  END LOOP;
END $$;
