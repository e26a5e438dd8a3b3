#!/usr/bin/env bash
# The ARM check (scripts/test.sh --arm; not part of the default run): for each architecture (arm64
# and armhf, or those named), a Debian bookworm root made with debootstrap and run under
# qemu-user-static through binfmt_misc, with the JRE installed; the .deb built from this tree is
# installed into it with apt, then, inside it, under emulation:
#   iot-gateway version; iot-gateway validate of the installed config;
#   the serial path: socat pty on the host -> the gateway in the root (jssc's native for that
#   architecture) -> mosquitto on the host (127.0.0.1, a free port), checked with mosquitto_sub.
# Root only (debootstrap, chroot, mounts). Without binfmt_misc or qemu it says SKIPPED and why, and
# exits 77. The JRE root is cached as /var/cache/iot-gateway-test/bookworm-ARCH-v1.tar (the first
# run downloads ~150 MB per architecture from deb.debian.org and takes minutes; later runs unpack
# it), each run works in target/arm/.
# Usage: scripts/test-arm.sh [arm64] [armhf]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here=$PWD
arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(arm64 armhf)
cache=/var/cache/iot-gateway-test
work=$here/target/arm
skip() { echo "test-arm: SKIPPED: $*" >&2; exit 77; }
say() { printf 'test-arm: %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot, mounts)"
for a in "${arches[@]}"; do
  case "$a" in arm64|armhf) ;; *) echo "test-arm: unknown architecture $a (arm64, armhf)" >&2; exit 2 ;; esac
done
export PATH="$PATH:/usr/sbin:/sbin"
missing=()
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v qemu-aarch64-static >/dev/null || missing+=(qemu-user-static)
command -v update-binfmts >/dev/null || missing+=(binfmt-support)
command -v socat >/dev/null || missing+=(socat)
command -v mosquitto >/dev/null || missing+=(mosquitto)
command -v mosquitto_sub >/dev/null || missing+=(mosquitto-clients)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || skip "missing ${missing[*]} and no apt-get"
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# binfmt_misc runs the roots' ARM binaries through qemu. In a container or VM it may not be mounted;
# qemu-user-static's entries carry the F flag, so the roots need no copy of qemu.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/status" ]; then
  mount -t binfmt_misc binfmt_misc "$binfmt" 2>/dev/null || skip "binfmt_misc is not available here ($binfmt cannot be mounted)"
fi
qemu_of() { case "$1" in arm64) echo qemu-aarch64 ;; armhf) echo qemu-arm ;; esac; }
for a in "${arches[@]}"; do
  q=$(qemu_of "$a")
  [ -e "$binfmt/$q" ] || update-binfmts --enable "$q" >/dev/null 2>&1 || true
  [ -e "$binfmt/$q" ] || skip "no binfmt_misc entry for $q (update-binfmts --enable $q failed)"
done

say "building the jar and the .deb"
mvn -q -B -o -DskipTests package >/dev/null 2>&1 || mvn -q -B -DskipTests package
mkdir -p "$work"
deb=$(scripts/build-deb.sh --output "$work")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Everything started or mounted is undone on exit, mounts first: the roots are deleted with
# rm --one-file-system, never through a bind mount of the host's /dev.
pids=()
mounts=()
cleanup() {
  local p m i
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT

unmount_root() {  # $1 root: what a run left mounted in it, if it was killed before its cleanup
  local m
  for m in tmp proc dev/pts dev; do
    if mountpoint -q "$1/$m" 2>/dev/null; then umount -l "$1/$m"; fi
  done
}

base_root() {  # $1 arch: the cached tarball of a bookworm root with the JRE, made once
  local arch=$1 tar="$cache/bookworm-$1-v1.tar" tmp
  if [ ! -s "$tar" ]; then
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/root-$arch.XXXXXX")
    say "$arch: debootstrap bookworm with openjdk-17-jre-headless (once; cached in $tar)"
    local t0=$SECONDS
    if ! debootstrap --arch="$arch" --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
        bookworm "$tmp" http://deb.debian.org/debian >"$work/debootstrap-$arch.log" 2>&1; then
      tail -20 "$work/debootstrap-$arch.log" >&2
      rm -rf --one-file-system "$tmp"
      return 1
    fi
    chroot "$tmp" apt-get clean
    tar -C "$tmp" -cf "$tar.tmp" . && mv -f "$tar.tmp" "$tar"
    rm -rf --one-file-system "$tmp"
    say "$arch: root cached in $((SECONDS - t0)) s"
  fi
  echo "$tar"
}

check_arch() {  # $1 arch
  local arch=$1 root="$work/root-$1" t0 t port dev host out gw writer sub
  t0=$SECONDS
  local tar
  tar=$(base_root "$arch") || { echo "FAIL $arch: debootstrap failed (see $work/debootstrap-$arch.log)"; return 1; }
  unmount_root "$root"
  [ ! -d "$root" ] || rm -rf --one-file-system "$root"
  mkdir -p "$root"
  tar -C "$root" -xf "$tar" || { echo "FAIL $arch: cannot unpack $tar"; return 1; }
  for m in dev dev/pts proc; do
    if [ "$m" = proc ]; then mount -t proc proc "$root/proc"; else mount --bind "/$m" "$root/$m"; fi \
      || { echo "FAIL $arch: cannot mount $root/$m"; return 1; }
    mounts+=("$root/$m")
  done
  # A 32-bit process under qemu-user lists an ext4 directory through the host's 64-bit getdents,
  # whose 64-bit directory cookies do not fit its 32-bit ones: readdir fails with EOVERFLOW ("Value
  # too large for defined data type"; the outbox lists its directory at open). A real armhf Pi runs
  # a 32-bit kernel or compat syscalls, which hand out 32-bit cookies. tmpfs has small ones.
  if [ "$arch" = armhf ]; then
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp" || { echo "FAIL $arch: cannot mount a tmpfs on $root/tmp"; return 1; }
    mounts+=("$root/tmp")
  fi
  in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 chroot "$root" "$@"; }

  cp "$deb" "$root/tmp/"
  t=$SECONDS
  if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$work/apt-$arch.log" 2>&1; then
    tail -20 "$work/apt-$arch.log" >&2; echo "FAIL $arch: apt-get install of the .deb"; return 1
  fi
  say "$arch: .deb installed with apt in $((SECONDS - t)) s ($(in_root uname -m))"
  t=$SECONDS
  in_root /usr/bin/iot-gateway version >"$work/version-$arch.txt" 2>&1 || { cat "$work/version-$arch.txt" >&2; echo "FAIL $arch: version"; return 1; }
  say "$arch: version: $(head -1 "$work/version-$arch.txt") ($((SECONDS - t)) s)"
  t=$SECONDS
  in_root /usr/bin/iot-gateway validate --config /etc/iot-gateway/gateway.yaml >"$work/validate-$arch.txt" 2>&1 \
    || { cat "$work/validate-$arch.txt" >&2; echo "FAIL $arch: validate of the installed config"; return 1; }
  say "$arch: validate: $(tail -1 "$work/validate-$arch.txt") ($((SECONDS - t)) s)"

  # The serial path: host pty -> gateway under emulation -> host broker.
  port=$(free_port)
  printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$work/mosquitto-$arch.conf"
  mosquitto -c "$work/mosquitto-$arch.conf" >"$work/mosquitto-$arch.log" 2>&1 &
  pids+=($!)
  dev=/tmp/ttyGateway host="$work/ttyHost-$arch"
  socat "pty,raw,echo=0,link=$root$dev" "pty,raw,echo=0,link=$host" &
  pids+=($!)
  cat >"$root/tmp/arm.yaml" <<YAML
gateway: {id: arm}
mqtt: {broker: tcp://127.0.0.1:$port}
outbox: {path: /tmp/arm-outbox}
sensors:
  - id: probe
    driver: serial
    params: {port: $dev, baud: 115200, parser: csv, fields: [t, h]}
    channels:
      - {id: temperature, unit: "°C", window: 1s, params: {field: t}}
      - {id: humidity, unit: "%", window: 1s, params: {field: h}}
YAML
  for _ in $(seq 50); do [ -e "$host" ] && [ -e "$root$dev" ] && break; sleep 0.1; done
  out="$work/aggregates-$arch.txt"
  mosquitto_sub -h 127.0.0.1 -p "$port" -t 'sensors/arm/probe/temperature' -C 3 -W 300 >"$out" 2>&1 &
  sub=$!
  pids+=($sub)
  t=$SECONDS
  # Not through in_root: a function in the background is a subshell, and $! would be that shell,
  # not the JVM (env, chroot and the launcher each exec the next), which then outlived the test.
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 chroot "$root" \
    /usr/bin/iot-gateway run --config /tmp/arm.yaml >"$work/run-$arch.log" 2>&1 &
  gw=$!
  pids+=($gw)
  ( while :; do printf '21.5,40.2\n'; sleep 0.1; done >"$host" ) 2>/dev/null &
  writer=$!
  pids+=($writer)
  if ! wait "$sub"; then
    tail -20 "$work/run-$arch.log" >&2
    echo "FAIL $arch: no 3 aggregates within 300 s (serial -> gateway -> mosquitto)"; return 1
  fi
  say "$arch: 3 aggregates through the serial path $((SECONDS - t)) s after start:"
  sed 's/^/    /' "$out" >&2
  kill "$writer" 2>/dev/null || true
  kill -TERM "$gw" 2>/dev/null || true
  wait "$gw" 2>/dev/null || true
  unmount_root "$root"
  if [ "$(grep -cE '"mean":21\.5[,}]' "$out")" != 3 ]; then
    echo "FAIL $arch: unexpected aggregates (see $out)"; return 1
  fi
  echo "PASS $arch: apt install, version, validate, serial -> mosquitto ($((SECONDS - t0)) s)"
}

status=0
for a in "${arches[@]}"; do
  check_arch "$a" || status=1
done
exit $status
