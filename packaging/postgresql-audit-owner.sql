-- Give the audit trail an owner the application never connects as (team deployment, PostgreSQL).
--
-- The owner of a table can switch its triggers off (ALTER TABLE ... DISABLE TRIGGER) and rewrite
-- it; the owner of a trigger function can replace it. After this script the roles the app uses may
-- only read the trail and append to it; `qms-desktop audit verify` still detects anything done by
-- a role that can do more. Run it as a superuser after the first `qms-desktop db upgrade` (and
-- after any upgrade whose release note says it touches the audit table):
--
--   psql -v audit_owner=qms_audit -v app_role=qms_app -f packaging/postgresql-audit-owner.sql qms
--
-- audit_owner: a role nobody logs in as (created here when missing).
-- app_role:    the role the sync service and the workstations belong to (e.g. `CREATE ROLE qms_app
--              NOLOGIN; GRANT qms_app TO qms_sync, qms_desk;`); it must not be a member of
--              audit_owner.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I NOLOGIN', :'audit_owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'audit_owner') \gexec

BEGIN;
ALTER TABLE audit_log OWNER TO :"audit_owner";  -- its id sequence follows the table
ALTER FUNCTION audit_log_refuse() OWNER TO :"audit_owner";
ALTER FUNCTION audit_log_chain_check() OWNER TO :"audit_owner";
-- Every earlier grant on the table (e.g. GRANT ... ON ALL TABLES), to anyone but its new owner.
SELECT DISTINCT format('REVOKE ALL ON audit_log FROM %s',
                       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) AS acl LEFT JOIN pg_roles r ON r.oid = acl.grantee
WHERE c.oid = 'audit_log'::regclass AND acl.grantee <> c.relowner \gexec
GRANT SELECT, INSERT ON audit_log TO :"app_role";
GRANT USAGE ON SEQUENCE audit_log_id_seq TO :"app_role";
COMMIT;
