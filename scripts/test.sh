#!/usr/bin/env bash
# Runs every test, with the real tools the integration tests start (mosquitto, socat, pymodbus,
# mbpoll, Chromium).
# Installs what is missing when run as root; otherwise prints the command and exits 1.
#   scripts/test.sh            unit + integration tests (mvn -B verify)
#   scripts/test.sh --soak     also the long soak/chaos runs and the fleet runs (Maven profile 'soak')
#   scripts/test.sh --fleet    also the fleet runs (profile 'fleet', ~15 min): FleetIT, 20 gateways
#                              through a node crash on a 3-node RabbitMQ cluster, and FleetFailoverTimeIT
#   scripts/test.sh --powercut only the power-cut test (profile 'powercut', 10-15 min): the gateway's
#                              outbox on LazyFS, built from $LAZYFS_SRC (default ../shared/tools/lazyfs
#                              next to the repository); needs root and /dev/fuse, else it is skipped.
#                              Options for it: POWERCUT_ARGS="-Dpowercut.seed=N -Dpowercut.cuts=20"
#   scripts/test.sh --arm [arm64] [armhf]   only the ARM check: the .deb in arm64 and armhf Debian
#                              roots under qemu (scripts/test-arm.sh; root; exit 77 = skipped, and why)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${1:-}" = --arm ]; then
  shift
  exec scripts/test-arm.sh "$@"
fi

profile=()
powercut=0
for arg in "$@"; do
  case "$arg" in
    --soak) profile=(-Psoak) ;;
    --fleet) profile=(-Pfleet) ;;
    --powercut) powercut=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_sub >/dev/null || missing+=(mosquitto-clients)
command -v socat >/dev/null || missing+=(socat)
# ClockStepIT steps the gateway's wall clock with libfaketime (LD_PRELOAD).
compgen -G '/usr/lib/*/faketime/libfaketime.so.1' >/dev/null || missing+=(faketime)
command -v mvn >/dev/null || missing+=(maven)
# The appliance tests: build and lint the .deb, install it with dpkg --root, make and inspect disk
# images without mounting them, and check the systemd units.
export PATH="$PATH:/usr/sbin:/sbin"
command -v lintian >/dev/null || missing+=(lintian)
command -v mcopy >/dev/null || missing+=(mtools)
command -v mkfs.vfat >/dev/null || missing+=(dosfstools)
command -v debugfs >/dev/null || missing+=(e2fsprogs)
command -v sfdisk >/dev/null || missing+=(fdisk)
command -v useradd >/dev/null || missing+=(passwd)
command -v deb-systemd-helper >/dev/null || missing+=(init-system-helpers)
command -v systemd-analyze >/dev/null || missing+=(systemd)
# The modbus driver's tests: pymodbus 3.0 slaves (its serial server needs serial-asyncio, only a
# Recommends of the package) and mbpoll as an independent master.
/usr/bin/python3 -c 'import pymodbus' 2>/dev/null || missing+=(python3-pymodbus)
/usr/bin/python3 -c 'import serial_asyncio' 2>/dev/null || missing+=(python3-serial-asyncio)
command -v mbpoll >/dev/null || missing+=(mbpoll)
# The MQTT 3.1.1-only broker and the cluster (RabbitMqIT, ClusterFailoverIT, the fleet runs): Debian's
# RabbitMQ 3.10 with its MQTT plugin; the tests start their own nodes and epmd on free ports, never
# the system service.
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
# The status page test: Debian's Chromium, driven by playwright-core from npm (never a browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# EditorSchemaIT: the YAML language server VS Code's YAML extension runs, from npm, asked for
# completions and diagnostics on the configs.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# The power-cut test builds LazyFS (a FUSE file system) from source and mounts it.
if [ "$powercut" = 1 ]; then
  command -v fusermount3 >/dev/null || missing+=(fuse3)
  for p in g++ cmake pkg-config libfuse3-dev; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing test tools; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ "$powercut" = 1 ]; then
  [ -e /dev/fuse ] || echo "test.sh: no /dev/fuse here: the power-cut test will be SKIPPED (it needs FUSE for LazyFS)" >&2
  [ "$(id -u)" = 0 ] || echo "test.sh: not root: the power-cut test will be SKIPPED (mounting LazyFS needs root)" >&2
  src=${LAZYFS_SRC:-../shared/tools/lazyfs}
  [ -x "$src/build.sh" ] || echo "test.sh: no LazyFS sources at $src: the power-cut test will be SKIPPED (set LAZYFS_SRC to the directory with its build.sh)" >&2
  # -am: the drivers module from this tree; the test prints the durability table at the end.
  # shellcheck disable=SC2086
  exec mvn -B verify -pl gateway -am -Ppowercut -Dtest=none -Dit.test=PowerCutIT -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false ${POWERCUT_ARGS:-}
fi

# The pinned npm packages (package-lock.json in each directory): playwright-core for StatusPageIT,
# yaml-language-server for EditorSchemaIT; each test does the same when run alone.
for pinned in gateway/src/test/browser:playwright-core gateway/src/test/editor:yaml-language-server; do
  dir="${pinned%%:*}" package="${pinned#*:}"
  if [ ! -d "$dir/node_modules/$package" ]; then
    echo "test.sh: installing $package into $dir/node_modules" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --prefer-offline >/dev/null)
  fi
done

# Debian installs mosquitto (and mkfs, debugfs, useradd) in /usr/sbin, not on every user's PATH.
# The packaged service would hold 1883; tests use their own free ports and never need it.
exec mvn -B verify "${profile[@]}"
