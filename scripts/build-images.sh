#!/usr/bin/env bash
# Builds the container images of every SteerSynth service from the exec jars.
#
#   scripts/build-images.sh [--skip-maven] [--no-cuda] [--push]
#
# Environment: STEERSYNTH_IMAGE_PREFIX (default steersynth), STEERSYNTH_VERSION (default: the project
# version, 0.1.0-SNAPSHOT). Images: <prefix>/<service>:<version> from docker/Dockerfile for every service,
# and <prefix>/generator-service:<version>-cuda from docker/Dockerfile.cuda. docker-compose.yml and the
# Helm chart's values use the same names.
set -euo pipefail

cd "$(dirname "$0")/.."

SERVICES=(sweep-service generator-service judge-service metrics-service trainer-service gateway)
PREFIX="${STEERSYNTH_IMAGE_PREFIX:-steersynth}"
VERSION="${STEERSYNTH_VERSION:-0.1.0-SNAPSHOT}"
RUN_MAVEN=1
BUILD_CUDA=1
PUSH=0

for arg in "$@"; do
  case "$arg" in
    --skip-maven) RUN_MAVEN=0 ;;
    --no-cuda) BUILD_CUDA=0 ;;
    --push) PUSH=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

# Fail before the Maven build when no engine can build: the docker CLI alone is not enough.
if ! command -v docker >/dev/null 2>&1; then
  echo "error: the docker CLI is not installed; install Docker (or a compatible engine) to build images." >&2
  exit 1
fi
if ! docker info >/dev/null 2>&1; then
  echo "error: no Docker daemon is reachable (docker info failed). Start the Docker daemon, or point" >&2
  echo "       DOCKER_HOST at one, then run this script again." >&2
  exit 1
fi
# The .dockerignore files beside each Dockerfile and COPY --chmod need BuildKit.
export DOCKER_BUILDKIT=1

if [[ "$RUN_MAVEN" == 1 ]]; then
  ./mvnw -q -DskipTests package
fi

for service in "${SERVICES[@]}"; do
  jar="${service}/target/${service}-${VERSION}-exec.jar"
  if [[ ! -f "$jar" ]]; then
    echo "error: $jar is missing; run ./mvnw -DskipTests package (or drop --skip-maven)." >&2
    exit 1
  fi
done

built=()
for service in "${SERVICES[@]}"; do
  tag="${PREFIX}/${service}:${VERSION}"
  echo "==> ${tag}"
  docker build -f docker/Dockerfile --build-arg "SERVICE=${service}" --build-arg "VERSION=${VERSION}" -t "$tag" .
  built+=("$tag")
done

if [[ "$BUILD_CUDA" == 1 ]]; then
  tag="${PREFIX}/generator-service:${VERSION}-cuda"
  echo "==> ${tag}"
  docker build -f docker/Dockerfile.cuda --build-arg "VERSION=${VERSION}" -t "$tag" .
  built+=("$tag")
fi

if [[ "$PUSH" == 1 ]]; then
  for tag in "${built[@]}"; do
    docker push "$tag"
  done
fi

printf 'built:\n'
printf '  %s\n' "${built[@]}"
