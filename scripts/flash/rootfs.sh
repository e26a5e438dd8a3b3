# Sourced by scripts/flash.sh: installs the staged files ($stage) into the mounted root $rootfs.
[ -d "$rootfs/etc/systemd/system" ] && [ -f "$rootfs/etc/os-release" ] && os_release_ok "$rootfs/etc/os-release" \
  || die "refusing $rootfs: no /etc/os-release of Raspberry Pi OS or Debian with /etc/systemd/system; is it the card's root partition?" 3

firstboot="$rootfs/var/lib/iot-gateway-firstboot"
rm -rf "$firstboot"
install -d -m 0755 "$firstboot" "$rootfs/etc/iot-gateway" "$rootfs/etc/systemd/system/multi-user.target.wants"
install -m 0644 "$stage"/iot-gateway_*_all.deb "$firstboot/"
install -m 0755 "$stage/firstboot.sh" "$firstboot/firstboot.sh"
[ ! -f "$stage/hostname" ] || install -m 0644 "$stage/hostname" "$firstboot/hostname"
install -m 0640 "$stage/gateway.yaml" "$rootfs/etc/iot-gateway/gateway.yaml"
if [ -f "$stage/gateway-id" ]; then
  install -m 0644 "$stage/gateway-id" "$rootfs/etc/iot-gateway/gateway-id"
else
  rm -f "$rootfs/etc/iot-gateway/gateway-id"   # a re-flash without --gateway-id: the device derives its id again
fi
install -m 0644 "$stage/iot-gateway-firstboot.service" "$rootfs/etc/systemd/system/iot-gateway-firstboot.service"
ln -sfn /etc/systemd/system/iot-gateway-firstboot.service \
  "$rootfs/etc/systemd/system/multi-user.target.wants/iot-gateway-firstboot.service"
sync
echo "flash.sh: installed into $rootfs; the gateway installs itself at first boot" >&2
