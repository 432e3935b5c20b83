#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# Creates the login role and the database that every service connects to; each service then creates and
# migrates its own schema (sweep, generation, judging, metrics, training) with Flyway on start, which the
# database owner may do.
set -euo pipefail

: "${STEERSYNTH_DATABASE_PASSWORD:?set STEERSYNTH_DATABASE_PASSWORD for the steersynth role}"

# The password goes in as a psql variable (:'pw' quotes it as a literal), never pasted into the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$STEERSYNTH_DATABASE_PASSWORD" <<'SQL'
CREATE ROLE steersynth LOGIN PASSWORD :'pw';
CREATE DATABASE steersynth OWNER steersynth;
SQL
