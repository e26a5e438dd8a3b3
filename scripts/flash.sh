#!/usr/bin/env bash
# Puts the gateway onto a Raspberry Pi OS image (or an already-mounted root file system):
#   scripts/flash.sh --image raspios-lite.img --config my-gateway.yaml [--hostname NAME]
#                    [--gateway-id ID] [--deb FILE] [--output OUT.img]
#   scripts/flash.sh --rootfs /media/$USER/rootfs --config my-gateway.yaml [--hostname NAME] [--gateway-id ID]
# It stages the .deb and a first-boot unit that installs it through apt (pulling in Java),
# and puts the config at /etc/iot-gateway/gateway.yaml (mode 0640). --gateway-id writes ID to
# /etc/iot-gateway/gateway-id, which a config with gateway.id: auto takes as this device's id
# (without it, auto derives one on the device: its Pi serial). Images are edited without
# mounting (sfdisk, mtools, debugfs), so no root is needed; the result is written to a copy that
# replaces OUT.img (default: the image itself) only when complete.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="" rootfs="" config="" hostname="" gateway_id="" deb="" output=""
die() { echo "flash.sh: $1" >&2; exit "${2:-1}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --image) image="$2"; shift 2 ;;
    --rootfs) rootfs="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --hostname) hostname="$2"; shift 2 ;;
    --gateway-id) gateway_id="$2"; shift 2 ;;
    --deb) deb="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1" 2 ;;
  esac
done

[ -n "$config" ] || die "--config FILE is required" 2
if [ -n "$image" ] && [ -n "$rootfs" ] || [ -z "$image$rootfs" ]; then
  die "give exactly one of --image FILE and --rootfs DIR" 2
fi
if [ -n "$hostname" ] && ! [[ "$hostname" =~ ^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$ ]]; then
  die "--hostname '$hostname': 1-63 letters, digits and '-', not starting or ending with '-'" 2
fi

if [ -n "$gateway_id" ] && ! [[ "$gateway_id" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]]; then
  die "--gateway-id '$gateway_id': 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit" 2
fi

# What goes into the root file system, staged in a local directory first.
stage="$(mktemp -d)"
cleanup_paths=("$stage")
trap 'rm -rf "${cleanup_paths[@]}"' EXIT

# 1. The config, before anything is written: the same check the service runs at start. An id file
# stands in for the device's own identity (gateway.id: auto is decided on the device, not here).
echo "${gateway_id:-flashed-device}" >"$stage/gateway-id"
validated="$(IOT_GATEWAY_ID_FILE="$stage/gateway-id" "$here/scripts/iot-gateway" validate --config "$config")" \
  || die "$config is not a valid config; nothing was written" 2
echo "$validated" >&2
if [ -n "$gateway_id" ] && [[ "$validated" != *"(gateway $gateway_id from $stage/gateway-id,"* ]]; then
  die "--gateway-id needs gateway.id: auto in $config (it names its own id); nothing was written" 2
fi
[ -n "$gateway_id" ] || rm -f "$stage/gateway-id"

if [ -z "$deb" ]; then
  version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$here/pom.xml" | head -n 1)"
  deb="$here/target/iot-gateway_${version}_all.deb"
  [ -f "$deb" ] || "$here/scripts/build-deb.sh" >/dev/null
fi
[ -f "$deb" ] || die "no .deb at $deb"
dpkg-deb --field "$deb" Package 2>/dev/null | grep -qx iot-gateway || die "$deb is not an iot-gateway package"

install -m 0640 "$config" "$stage/gateway.yaml"
install -m 0644 "$deb" "$stage/$(basename "$deb")"
install -m 0755 "$here/systemd/iot-gateway-firstboot.sh" "$stage/firstboot.sh"
install -m 0644 "$here/systemd/iot-gateway-firstboot.service" "$stage/iot-gateway-firstboot.service"
[ -z "$hostname" ] || echo "$hostname" >"$stage/hostname"

pause_at() { # test hook: lets a test kill the script at a known step
  if [ "${IOT_GATEWAY_FLASH_PAUSE_AT:-}" = "$1" ]; then
    echo "flash.sh: paused at $1" >&2
    sleep 600
  fi
}

# Both ways accept only a root that looks like Raspberry Pi OS (or Debian): the first-boot unit
# needs systemd and apt, and a wrong image written to a card fails silently far from here.
os_release_ok() { grep -Eq '^ID="?(raspbian|debian)"?$' "$1"; }

if [ -n "$rootfs" ]; then
  source "$here/scripts/flash/rootfs.sh"
else
  source "$here/scripts/flash/image.sh"
fi
