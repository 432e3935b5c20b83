#!/bin/sh
# Starts the extracted Boot application. JAVA_OPTS is split on spaces on purpose (it holds several flags);
# arguments after the image name are passed on to the application.
set -e
# shellcheck disable=SC2086
exec java ${JAVA_OPTS} -cp /app org.springframework.boot.loader.launch.JarLauncher "$@"
