#!/bin/sh
# Run once by iot-gateway-firstboot.service (staged by scripts/flash.sh). flash.sh already put
# the config at /etc/iot-gateway/gateway.yaml (0640); --force-confold keeps it over the package's
# default, and the package's postinst makes it root:iot-gateway and starts the service.
set -eu
dir=/var/lib/iot-gateway-firstboot

if [ -s "$dir/hostname" ]; then
  name="$(cat "$dir/hostname")"
  echo "$name" >/etc/hostname
  hostname "$name"
  if grep -q '^127\.0\.1\.1' /etc/hosts; then
    sed -i "s/^127\.0\.1\.1.*/127.0.1.1\t$name/" /etc/hosts
  else
    printf '127.0.1.1\t%s\n' "$name" >>/etc/hosts
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y -o Dpkg::Options::=--force-confold "$dir"/iot-gateway_*_all.deb

systemctl disable iot-gateway-firstboot.service
rm -rf "$dir"
