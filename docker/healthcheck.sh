#!/bin/sh
# Container health check: the actuator's health endpoint on the port this service really listens on.
# Spring's SERVER_PORT wins over the per-service variable, which wins over the service's default port
# (see <service>.yml), so the check follows whatever the container was started with.
set -e
case "${STEERSYNTH_SERVICE}" in
  gateway)           port="${SERVER_PORT:-${STEERSYNTH_PORT:-8080}}" ;;
  sweep-service)     port="${SERVER_PORT:-${SWEEP_SERVICE_PORT:-8081}}" ;;
  generator-service) port="${SERVER_PORT:-${GENERATOR_SERVICE_PORT:-8082}}" ;;
  judge-service)     port="${SERVER_PORT:-${JUDGE_SERVICE_PORT:-8083}}" ;;
  metrics-service)   port="${SERVER_PORT:-${METRICS_SERVICE_PORT:-8084}}" ;;
  trainer-service)   port="${SERVER_PORT:-${TRAINER_SERVICE_PORT:-8085}}" ;;
  *) echo "unknown STEERSYNTH_SERVICE '${STEERSYNTH_SERVICE}'" >&2; exit 1 ;;
esac
exec curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${port}/actuator/health"
