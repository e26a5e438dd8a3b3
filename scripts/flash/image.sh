# Sourced by scripts/flash.sh: edits a copy of $image without mounting anything, then renames
# the copy over $output (default: $image). An interruption before the rename leaves $image as
# it was; only a hidden .flash-* work directory next to the output may remain.
for tool in sfdisk mtype debugfs; do
  command -v "$tool" >/dev/null || die "$tool is needed: apt-get install fdisk mtools e2fsprogs"
done
[ -f "$image" ] || die "no image at $image"
out="${output:-$image}"

refuse() {
  die "refusing $image: $*. Expected Raspberry Pi OS's layout: an MBR with a FAT boot partition \
holding config.txt, then an ext4 root with /etc/os-release of Raspberry Pi OS or Debian. The image was not changed." 3
}

# The partition table: "img1 : start=8192, size=1048576, type=c" lines of sfdisk --dump.
table="$(sfdisk --dump "$image" 2>/dev/null)" || refuse "no partition table"
grep -qx 'label: dos' <<<"$table" || refuse "not an MBR (dos) partition table"
sector="$(sed -n 's/^sector-size: *//p' <<<"$table")"
mapfile -t parts < <(sed -n 's/^[^:]* : start= *\([0-9]*\), size= *\([0-9]*\), type=\([0-9a-f]*\).*/\1 \2 \3/p' <<<"$table")
[ "${#parts[@]}" -eq 2 ] || refuse "${#parts[@]} partitions, not 2"
read -r boot_start _ boot_type <<<"${parts[0]}"
read -r root_start root_size root_type <<<"${parts[1]}"
[[ "$boot_type" =~ ^(b|c|e)$ ]] || refuse "partition 1 has type $boot_type, not FAT"
[ "$root_type" = 83 ] || refuse "partition 2 has type $root_type, not Linux"
MTOOLS_SKIP_CHECK=1 mtype -i "$image@@$((boot_start * ${sector:-512}))" ::config.txt >/dev/null 2>&1 \
  || refuse "partition 1 is not a FAT file system with the Pi's config.txt"

work="$(mktemp -d "$(dirname "$out")/.flash-XXXXXX")"
cleanup_paths+=("$work")
root="$work/root.ext4"
offset=$((root_start * ${sector:-512})) length=$((root_size * ${sector:-512}))
dd if="$image" of="$root" bs=4M iflag=skip_bytes,count_bytes skip="$offset" count="$length" status=none
debugfs -R 'cat /etc/os-release' "$root" >"$work/os-release" 2>/dev/null || true
os_release_ok "$work/os-release" || refuse "partition 2 is not ext4 or has no /etc/os-release of Raspberry Pi OS or Debian"

e2() { # e2 COMMANDS...: runs debugfs -w; debugfs exits 0 on errors, so any message but its banner fails
  local err
  err="$(printf '%s\n' "$@" | debugfs -w -f - "$root" 2>&1 >/dev/null | grep -v '^debugfs [0-9.]* (' || true)"
  [ -z "$err" ] || die "editing the root file system failed: $err"
}
e2_exists() { debugfs -R "stat $1" "$root" 2>&1 | grep -q '^Inode:'; }
e2_put() { # e2_put SRC DEST MODE: a root-owned file (replacing any old one)
  local rm=()
  ! e2_exists "$2" || rm=("rm $2")
  e2 "${rm[@]}" "write $1 $2" "sif $2 mode 0100$3" "sif $2 uid 0" "sif $2 gid 0"
}
e2_mkdir() { e2_exists "$1" || e2 "mkdir $1" "sif $1 mode 040755" "sif $1 uid 0" "sif $1 gid 0"; }

firstboot=/var/lib/iot-gateway-firstboot
wants=/etc/systemd/system/multi-user.target.wants
e2_exists /etc/systemd/system || refuse "partition 2 has no /etc/systemd/system"
e2_mkdir /var/lib
e2_mkdir "$firstboot"
for old in $(debugfs -R "ls -p $firstboot" "$root" 2>/dev/null | awk -F/ '$6 != "." && $6 != ".." && $6 != "" { print $6 }'); do
  e2 "rm $firstboot/$old"
done
e2_put "$stage/$(basename "$deb")" "$firstboot/$(basename "$deb")" 644
e2_put "$stage/firstboot.sh" "$firstboot/firstboot.sh" 755
[ ! -f "$stage/hostname" ] || e2_put "$stage/hostname" "$firstboot/hostname" 644
e2_mkdir /etc/iot-gateway
e2_put "$stage/gateway.yaml" /etc/iot-gateway/gateway.yaml 640
if [ -f "$stage/gateway-id" ]; then
  e2_put "$stage/gateway-id" /etc/iot-gateway/gateway-id 644
elif e2_exists /etc/iot-gateway/gateway-id; then
  e2 "rm /etc/iot-gateway/gateway-id"   # a re-flash without --gateway-id: the device derives its id again
fi
e2_put "$stage/iot-gateway-firstboot.service" /etc/systemd/system/iot-gateway-firstboot.service 644
e2_mkdir "$wants"
! e2_exists "$wants/iot-gateway-firstboot.service" || e2 "rm $wants/iot-gateway-firstboot.service"
e2 "symlink $wants/iot-gateway-firstboot.service /etc/systemd/system/iot-gateway-firstboot.service"
pause_at edited

cp --sparse=always --preserve=mode "$image" "$work/image"
dd if="$root" of="$work/image" bs=4M oflag=seek_bytes seek="$offset" conv=notrunc,fsync status=none
pause_at written
sync "$work/image"          # on disk before the rename, so a power cut cannot leave a hollow image
mv -f "$work/image" "$out"
echo "flash.sh: wrote $out; write it to an SD card as usual, the gateway installs itself at first boot" >&2
