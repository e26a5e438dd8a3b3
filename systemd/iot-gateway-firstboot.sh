#!/bin/sh
# Run once by iot-gateway-firstboot.service (staged by scripts/flash.sh). flash.sh already put
# the config at /etc/iot-gateway/gateway.yaml (0640); --force-confold keeps it over the package's
# default, and the package's postinst makes it root:iot-gateway and starts the service.
# IOT_GATEWAY_FIRSTBOOT_ROOT (tests only) prefixes every path this script writes.
set -eu
root="${IOT_GATEWAY_FIRSTBOOT_ROOT:-}"
dir="$root/var/lib/iot-gateway-firstboot"

if [ -s "$dir/hostname" ]; then
  name="$(cat "$dir/hostname")"
  echo "$name" >"$root/etc/hostname"
  hostname "$name"
  if grep -q '^127\.0\.1\.1' "$root/etc/hosts"; then
    sed -i "s/^127\.0\.1\.1.*/127.0.1.1\t$name/" "$root/etc/hosts"
  else
    printf '127.0.1.1\t%s\n' "$name" >>"$root/etc/hosts"
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y -o Dpkg::Options::=--force-confold "$dir"/iot-gateway_*_all.deb

# Only after a successful install: on failure the unit retries (and at the next boot).
systemctl disable iot-gateway-firstboot.service
rm -rf "$dir"
