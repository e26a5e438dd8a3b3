#!/usr/bin/env bash
# Builds the Debian package target/iot-gateway_<version>_all.deb from the gateway jar.
#   scripts/build-deb.sh [--version V] [--conffile FILE] [--output DIR]
# The jar must have been built (mvn -q -B install -DskipTests). Plain dpkg-deb, no Maven
# plugin: fewer moving parts, and the package is byte-for-byte reproducible from the same jar
# (file times and archive members are clamped to SOURCE_DATE_EPOCH, default: the last commit).
# gzip, not xz: the jar is already compressed, and xz took 15 s on a busy 2-core box to save 0.6%.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${IOT_GATEWAY_JAR:-$here/gateway/target/iot-gateway.jar}"
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$here/pom.xml" | head -n 1)"
conffile="$here/config/gateway.yaml"
out="$here/target"

while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --conffile) conffile="$2"; shift 2 ;;
    --output) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "build-deb.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

die() { echo "build-deb.sh: $*" >&2; exit 1; }
[ -f "$jar" ] || die "no jar at $jar; build it first: mvn -q -B install -DskipTests"
[ -f "$conffile" ] || die "no config at $conffile"
[ -f "$here/config/schema/gateway.schema.json" ] || die "no schema at config/schema/gateway.schema.json"
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || die "not a Debian version: '$version'"
command -v dpkg-deb >/dev/null || die "dpkg-deb is needed: apt-get install dpkg"

export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/iot-gateway"

put() { # put MODE SRC DEST: copies SRC into the package at DEST with MODE
  install -D -m "$1" "$2" "$pkg/$3"
}
put 0644 "$jar" usr/share/iot-gateway/iot-gateway.jar
put 0755 "$here/scripts/iot-gateway" usr/bin/iot-gateway
put 0644 "$here/config/schema/gateway.schema.json" usr/share/iot-gateway/schema/gateway.schema.json
# Editors find the schema through the config's first line; in the repository it is a path relative to
# config/, on the device it is where this package puts it. Only that comment line is changed.
mkdir -p "$pkg/etc/iot-gateway"
{ echo "# yaml-language-server: \$schema=/usr/share/iot-gateway/schema/gateway.schema.json"
  grep -v '^# yaml-language-server: \$schema=' "$conffile" || true; } >"$pkg/etc/iot-gateway/gateway.yaml"
chmod 0644 "$pkg/etc/iot-gateway/gateway.yaml"
put 0644 "$here/systemd/iot-gateway.service" lib/systemd/system/iot-gateway.service
put 0644 "$here/systemd/iot-gateway-backoff.timer" lib/systemd/system/iot-gateway-backoff.timer
put 0644 "$here/scripts/deb/copyright" usr/share/doc/iot-gateway/copyright
# The docs as they are in the repository: README.md is their map, and its links are relative.
for doc in README.md config/README.md drivers/README.md systemd/README.md scripts/README.md scripts/benchmarks.md \
           "$here"/gateway/docs/*.md; do
  doc="${doc#"$here"/}"
  put 0644 "$here/$doc" "usr/share/doc/iot-gateway/$doc"
done
put 0644 "$here/scripts/deb/iot-gateway.1" usr/share/man/man1/iot-gateway.1
gzip -9n "$pkg/usr/share/man/man1/iot-gateway.1"
changelog="$pkg/usr/share/doc/iot-gateway/changelog"
cat >"$changelog" <<CHANGES
iot-gateway ($version) stable; urgency=medium

  * Package built from the iot-gateway sources; see README.md for the changes.

 -- iot-gateway maintainers <maintainers@iot-gateway.invalid>  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
CHANGES
gzip -9n "$changelog"

mkdir -p "$pkg/DEBIAN"
for script in postinst prerm postrm; do put 0755 "$here/scripts/deb/$script" "DEBIAN/$script"; done
echo /etc/iot-gateway/gateway.yaml >"$pkg/DEBIAN/conffiles"
# A JDK installed, upgraded or removed makes the class-data-sharing archive stale: remake it.
echo "interest-noawait /usr/lib/jvm" >"$pkg/DEBIAN/triggers"
# For debsums; conffiles are left out, as dh_md5sums does (dpkg keeps their sums itself).
(cd "$pkg" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  >"$pkg/DEBIAN/md5sums"
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: iot-gateway
Version: $version
Architecture: all
Maintainer: iot-gateway maintainers <maintainers@iot-gateway.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | java17-runtime-headless, passwd
Section: net
Priority: optional
Description: sensor gateway: sensors to MQTT with a durable outbox
 Reads sensors (GPIO, serial, I2C, simulated), filters the readings,
 aggregates them in epoch-aligned time windows and publishes each aggregate
 over MQTT (QoS 1). Aggregates are committed to a local outbox first and
 deleted only after the broker acknowledged them, so a broker outage delays
 data but never loses it without a count.
 .
 Runs as the hardened systemd service iot-gateway; configured in
 /etc/iot-gateway/gateway.yaml.
CONTROL

find "$pkg" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
deb="$out/iot-gateway_${version}_all.deb"
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb.tmp" >/dev/null
mv -f "$deb.tmp" "$deb"
echo "$deb"
