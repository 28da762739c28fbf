-- Konsey: one PostgreSQL server, one database per service, one login role.
--
-- Run once by the official postgres image on an empty data directory
-- (files in /docker-entrypoint-initdb.d are executed with psql as the
-- bootstrap superuser). psql meta-commands are used so the password comes from
-- the container's KONSEY_DB_PASSWORD environment variable (default: konsey).
\set ON_ERROR_STOP on

\getenv konsey_password KONSEY_DB_PASSWORD
\if :{?konsey_password}
\else
  \set konsey_password konsey
\endif

CREATE ROLE konsey WITH LOGIN PASSWORD :'konsey_password';

-- Each service owns its database (and therefore its `public` schema, which on
-- PostgreSQL 15+ belongs to pg_database_owner), so it can run its own
-- migrations at start-up without superuser rights.
CREATE DATABASE konsey_membership    OWNER konsey ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE konsey_elections     OWNER konsey ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE konsey_motions       OWNER konsey ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE konsey_notifications OWNER konsey ENCODING 'UTF8' TEMPLATE template0;

-- No cross-database access through PUBLIC defaults.
REVOKE ALL ON DATABASE konsey_membership    FROM PUBLIC;
REVOKE ALL ON DATABASE konsey_elections     FROM PUBLIC;
REVOKE ALL ON DATABASE konsey_motions       FROM PUBLIC;
REVOKE ALL ON DATABASE konsey_notifications FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE konsey_membership    TO konsey;
GRANT CONNECT, TEMPORARY ON DATABASE konsey_elections     TO konsey;
GRANT CONNECT, TEMPORARY ON DATABASE konsey_motions       TO konsey;
GRANT CONNECT, TEMPORARY ON DATABASE konsey_notifications TO konsey;
