-- The audit log is append-only: rows may be inserted, never changed or removed, whatever the
-- application (or anyone holding its database role) tries. The Prisma schema cannot express
-- triggers, so this migration is written by hand and leaves the Prisma schema unchanged.
-- A user with audit entries cannot be deleted either (the SET NULL of the foreign key would
-- be an UPDATE): the application deactivates users instead, and history keeps its author.
-- (No quote marks or semicolons in these comments: the migration runner splits statements.)

CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % refused (Nhật ký thay đổi chỉ được ghi thêm, không được sửa hoặc xóa)', TG_OP;
END;
$$;

CREATE TRIGGER "AuditLog_append_only_row"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_append_only_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
