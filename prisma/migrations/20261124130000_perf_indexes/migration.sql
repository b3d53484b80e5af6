-- Indexes that the province-scale benchmark (npm run bench) showed were missing.
-- The report page and the dashboard read the history of the rows of one quarter by row id
-- alone. The older index leads with the entity name, so that read scanned the whole audit
-- log (about 290 thousand rows for 150 communes over three years, growing every save).

-- CreateIndex
CREATE INDEX "AuditLog_entityId_createdAt_idx" ON "AuditLog"("entityId", "createdAt");
