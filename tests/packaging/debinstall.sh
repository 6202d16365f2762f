#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# tests/packaging/debinstall.sh BUILD_DIR: the .deb files of BUILD_DIR (cpack -G DEB) install
# into a clean Debian 13 root and run there (issue 19, "Native packages"). Asserts:
#  - cpack writes exactly doctor_<v>_<arch>.deb and doctor-dashboard_<v>_<arch>.deb;
#  - doctor's Depends (from dpkg-shlibdeps) and its binary's NEEDED entries name no Qt Gui or
#    Widgets library, and each package holds only its own files;
#  - in the clean root, apt-get installs doctor alone with its dependencies and no Qt Gui or
#    Widgets package comes with it; doctor --version, doctor list and doctor run --demo (the
#    SQLite driver plugin) work there, and the man page and both completions are installed;
#  - then doctor-dashboard installs and `doctor-dashboard --version` runs offscreen;
#  - deploy/Containerfile's last stage, done on a fresh overlay standing for
#    debian:trixie-slim (its COPY of the doctor .deb and its RUN lines; any other instruction
#    fails the test), leaves no compiler and no Qt Gui/Widgets, and doctor --version and
#    doctor list run as its USER in its WORKDIR.
#
# The clean root is made once by debootstrap --variant=minbase trixie from the archive this
# root's own apt uses (the one tools/buildroot took from the host), and cached in
# $DOCTOR_CLEAN_ROOT_CACHE (default /var/cache/doctor-dashboard; inside tools/dev's build root
# that is the build root's own /var/cache). Each run mounts a throwaway overlay on it, so the
# cached root is never changed; apt's package lists and downloaded .debs are kept beside it,
# so a second run downloads only what changed. Needs root (debootstrap, mount, chroot): the
# build root of tools/dev run as root has it; elsewhere the test says SKIPPED.
set -euo pipefail

skip() { echo "SKIPPED: $*"; exit 0; }
fail() { echo "FAIL: $*" >&2; exit 1; }

if [[ ${1:-} == --inside ]]; then
    # Inside the overlay root, as root: installs and runs the packages in /tmp/debs.
    shift
    version=$1
    export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/root
    export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    log=/tmp/debinstall-apt.log
    apt_get() {
        apt-get -o Acquire::Retries=3 -o Dpkg::Use-Pty=0 "$@" >>"$log" 2>&1 \
            || { tail -n 30 "$log" >&2; fail "apt-get $* failed in the clean root"; }
    }
    installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }
    apt_get update
    apt_get install -y --no-install-recommends /tmp/debs/doctor_*.deb
    for p in libqt6gui6 libqt6widgets6 libqt6gui6t64 libqt6widgets6t64; do
        ! installed "$p" || fail "installing doctor alone installed $p (a Qt Gui/Widgets package)"
    done
    out=$(doctor --version) || fail "doctor --version failed in the clean root"
    [[ $out == "doctor $version" ]] || fail "doctor --version printed '$out', not 'doctor $version'"
    echo "clean root: $out"
    out=$(doctor list) || fail "doctor list failed in the clean root"
    grep -q '^check.postgres.connectivity ' <<<"$out" \
        || fail "doctor list in the clean root does not list check.postgres.connectivity: $out"
    echo "clean root: doctor list: $(wc -l <<<"$out") checks"
    # The demo's environments are SQLite files: this needs the QSQLITE plugin (a Depends no
    # NEEDED entry names); its results fail by design, so 2 is the expected exit code.
    rc=0
    doctor run --demo --format json --no-history >/tmp/demo.json 2>/tmp/demo.err || rc=$?
    [[ $rc == 1 || $rc == 2 ]] \
        || { cat /tmp/demo.err >&2; fail "doctor run --demo exited $rc in the clean root"; }
    grep -q '"schemaVersion"' /tmp/demo.json || fail "doctor run --demo wrote no JSON report"
    ! grep -qi 'driver not loaded' /tmp/demo.json /tmp/demo.err \
        || fail "doctor run --demo: the Qt SQLite driver is missing in the clean root"
    echo "clean root: doctor run --demo exit code $rc"
    for f in /usr/share/man/man1/doctor.1.gz /usr/share/bash-completion/completions/doctor \
             /usr/share/zsh/vendor-completions/_doctor /usr/share/doc/doctor/copyright; do
        [[ -f $f ]] || fail "the doctor package did not install $f"
    done
    apt_get install -y --no-install-recommends /tmp/debs/doctor-dashboard_*.deb
    out=$(QT_QPA_PLATFORM=offscreen doctor-dashboard --version 2>&1) \
        || fail "doctor-dashboard --version failed in the clean root: $out"
    [[ $out == *"$version"* ]] || fail "doctor-dashboard --version printed '$out'"
    echo "clean root: $out"
    for f in /usr/share/applications/doctor-dashboard.desktop \
             /usr/share/metainfo/io.github.doctordashboard.DoctorDashboard.metainfo.xml \
             /usr/share/icons/hicolor/scalable/apps/doctor-dashboard.svg; do
        [[ -f $f ]] || fail "the doctor-dashboard package did not install $f"
    done
    apt_get autoclean # the cached .debs the archive no longer has
    exit 0
fi

if [[ ${1:-} == --image ]]; then
    # Inside a second overlay root, as root: the Containerfile's last stage, as
    # deploy/Containerfile says it (RUN lines in /tmp/image, its USER, WORKDIR, ENTRYPOINT).
    version=$2
    export LC_ALL=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    for f in /tmp/image/run-*.sh; do
        /bin/sh -c "$(cat "$f")" >>/tmp/image.log 2>&1 \
            || { tail -n 30 /tmp/image.log >&2; fail "the Containerfile's RUN failed: $(cat "$f")"; }
    done
    for tool in g++ gcc cc c++ clang cmake; do
        ! command -v "$tool" >/dev/null || fail "the image has a compiler or build tool: $tool"
    done
    for p in libqt6gui6 libqt6widgets6; do
        ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed \
            || fail "the image has $p (Qt Gui/Widgets)"
    done
    user=$(cat /tmp/image/user) entry=$(cat /tmp/image/entrypoint)
    cd "$(cat /tmp/image/workdir)"
    as_user=(setpriv --reuid="${user%%:*}" --regid="${user##*:}" --clear-groups --
             env HOME="$PWD")
    out=$("${as_user[@]}" "$entry" --version) || fail "the image's $entry --version failed"
    [[ $out == "doctor $version" ]] || fail "the image's doctor --version printed '$out'"
    "${as_user[@]}" "$entry" list | grep -q '^check.postgres.connectivity ' \
        || fail "the image's doctor list failed as user $user"
    echo "image (deploy/Containerfile's last stage on the clean root): $out as user $user," \
        "$(dpkg-query -W -f='${binary:Package}\n' | wc -l) packages"
    exit 0
fi

build=$(cd "${1:?usage: debinstall.sh BUILD_DIR}" && pwd)
self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
cache=${DOCTOR_CLEAN_ROOT_CACHE:-/var/cache/doctor-dashboard}
clean=$cache/clean-trixie
t0=$SECONDS

[[ $(id -u) == 0 ]] || skip "needs root for debootstrap, mount and chroot (tools/dev test as root)"
for tool in debootstrap cpack dpkg-deb dpkg-shlibdeps objdump unshare chroot; do
    command -v "$tool" >/dev/null || skip "$tool is missing (tools/packages-trixie.txt)"
done
unshare --mount true 2>/dev/null || skip "no mount namespace can be made here"

work=$(mktemp -d "${TMPDIR:-/tmp}/doctor-debinstall.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The packages.
cpack --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
shopt -s nullglob
all=("$work/cpack/"*.deb)
debs=("$work/cpack/"doctor_*.deb "$work/cpack/"doctor-dashboard_*.deb)
debs=("${debs[@]##*/}")
[[ ${#all[@]} == 2 && ${#debs[@]} == 2 ]] \
    || fail "cpack wrote '${all[*]##*/}', not one doctor_*.deb and one doctor-dashboard_*.deb"
version=$(dpkg-deb -f "$work/cpack/${debs[0]}" Version)
echo "packages: ${debs[*]} (cpack $((SECONDS - t0)) s)"
for deb in "${debs[@]}"; do dpkg-deb -f "$work/cpack/$deb" Package Depends; done
depends=$(dpkg-deb -f "$work/cpack/${debs[0]}" Depends)
[[ $depends == *libqt6core6* && $depends == *libpq5* ]] \
    || fail "doctor's Depends lacks what dpkg-shlibdeps finds (libqt6core6, libpq5): $depends"
[[ $depends != *libqt6gui* && $depends != *libqt6widgets* ]] \
    || fail "doctor depends on Qt Gui or Widgets: $depends"
dpkg-deb -x "$work/cpack/${debs[0]}" "$work/doctor-pkg"
needed=$(objdump -p "$work/doctor-pkg/usr/bin/doctor" | awk '$1 == "NEEDED" {print $2}')
grep -q '^libQt6Core\.so' <<<"$needed" \
    || fail "the packaged doctor has no NEEDED libQt6Core: $needed"
! grep -qE '^libQt6(Gui|Widgets)\.so' <<<"$needed" \
    || fail "the packaged doctor needs Qt Gui or Widgets: $needed"
[[ ! -e $work/doctor-pkg/usr/bin/doctor-dashboard ]] \
    || fail "the doctor package holds the dashboard"
gui_files=$(dpkg-deb -c "$work/cpack/${debs[1]}")
grep -q '\./usr/bin/doctor-dashboard$' <<<"$gui_files" \
    || fail "the doctor-dashboard package has no usr/bin/doctor-dashboard"
! grep -q '\./usr/bin/doctor$' <<<"$gui_files" \
    || fail "the doctor-dashboard package holds the doctor binary too"

# 2. The clean root, made once. The archive is the one this root's apt uses.
mirror=$(grep -rhoE '^(URIs:|deb)\s+\S+/debian/?(\s|$)' /etc/apt/sources.list \
    /etc/apt/sources.list.d 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
mkdir -p "$cache/clean-trixie-apt/archives/partial" "$cache/clean-trixie-apt/lists/partial"
exec 9>"$cache/clean-trixie.lock"
flock 9 # one run at a time uses the root and apt's caches
if [[ ! -f $clean/.doctor-clean-root ]]; then
    echo "creating the clean Debian 13 root $clean from $mirror (once)"
    rm -rf "$clean.partial"
    debootstrap --variant=minbase trixie "$clean.partial" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
    rm -rf "$clean.partial/var/cache/apt/archives/"*.deb "$clean.partial/var/lib/apt/lists/"*
    printf '#!/bin/sh\nexit 101\n' >"$clean.partial/usr/sbin/policy-rc.d" # no services start
    chmod 755 "$clean.partial/usr/sbin/policy-rc.d"
    echo "$mirror" >"$clean.partial/.doctor-clean-root"
    rm -rf "$clean"
    mv "$clean.partial" "$clean"
    echo "clean root made in $((SECONDS - t0)) s"
fi

# in_overlay NAME LISTS MODE ARGS...: this script with MODE ARGS inside a throwaway overlay on
# the clean root, its upper folder $work/NAME/upper prepared by the caller. apt's downloaded
# .debs come from the cache beside the root, and its package lists too when LISTS is 1.
in_overlay() {
    local name=$1 lists=$2; shift 2
    local inner='set -e; c=$1; d=$2; a=$3; lists=$4; shift 4; r=$d/root
        mount -t overlay overlay -o "lowerdir=$c,upperdir=$d/upper,workdir=$d/work" "$r"
        mount --rbind /proc "$r/proc"; mount --rbind /dev "$r/dev"
        mount --bind "$a/archives" "$r/var/cache/apt/archives"
        [ "$lists" = 1 ] && mount --bind "$a/lists" "$r/var/lib/apt/lists"
        if [ -e /etc/resolv.conf ]; then
            rm -f "$r/etc/resolv.conf"; touch "$r/etc/resolv.conf"
            mount --bind /etc/resolv.conf "$r/etc/resolv.conf"
        fi
        exec chroot "$r" /bin/bash /tmp/debinstall.sh "$@"'
    mkdir -p "$work/$name/work" "$work/$name/root" "$work/$name/upper/tmp" \
        "$work/$name/upper/etc/dpkg/dpkg.cfg.d"
    chmod 1777 "$work/$name/upper/tmp" # as the root's own /tmp: apt's sandbox user writes there
    cp "$self" "$work/$name/upper/tmp/debinstall.sh"
    echo force-unsafe-io >"$work/$name/upper/etc/dpkg/dpkg.cfg.d/doctor-test" # thrown away
    unshare --mount --propagation private --fork \
        sh -c "$inner" sh "$clean" "$work/$name" "$cache/clean-trixie-apt" "$lists" "$@"
}

# 3. The packages installed and run.
t1=$SECONDS
mkdir -p "$work/install/upper/tmp/debs"
cp "$work/cpack/"*.deb "$work/install/upper/tmp/debs/"
in_overlay install 1 --inside "$version" \
    || fail "the packages did not install or run in the clean root (see above)"
echo "clean root: install and runs $((SECONDS - t1)) s"

# 4. The Containerfile's last stage, on a fresh overlay standing for debian:trixie-slim (a
# minbase root, as the slim image is): its COPY of the doctor .deb, its RUN lines (with
# their own apt-get update, so apt's lists are not the cache's), then doctor as its USER.
t2=$SECONDS
containerfile=$(cd "$(dirname "$self")/../.." && pwd)/deploy/Containerfile
image=$work/image/upper/tmp/image
mkdir -p "$image"
stage=() line="" n=0
while IFS= read -r l || [[ -n $l ]]; do
    [[ $l =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ $l == *\\ ]]; then line+="${l%\\} "; continue; fi
    line+=$l
    [[ $line == FROM\ * ]] && stage=()
    stage+=("$line")
    line=""
done <"$containerfile"
[[ ${stage[0]} == "FROM debian:trixie-slim" ]] \
    || fail "the Containerfile's image is '${stage[0]}', not FROM debian:trixie-slim"
echo 0:0 >"$image/user"; echo / >"$image/workdir"
for instr in "${stage[@]:1}"; do
    case $instr in
        "COPY --from=build /packages/doctor_*.deb /tmp/")
            cp "$work/cpack/${debs[0]}" "$work/image/upper/tmp/" ;;
        RUN\ *) n=$((n + 1)); printf '%s\n' "${instr#RUN }" >"$image/run-$n.sh" ;;
        USER\ *) echo "${instr#USER }" >"$image/user" ;;
        WORKDIR\ *) echo "${instr#WORKDIR }" >"$image/workdir" ;;
        "ENTRYPOINT [\"doctor\"]") echo doctor >"$image/entrypoint" ;;
        CMD\ *) ;;
        *) fail "this test cannot stand in for the Containerfile's '$instr'" ;;
    esac
done
[[ -f $image/entrypoint ]] || fail "the Containerfile's image has no ENTRYPOINT [\"doctor\"]"
in_overlay image 0 --image "$version" \
    || fail "the Containerfile's last stage did not build or run on the clean root (see above)"
echo "image: $((SECONDS - t2)) s; whole test $((SECONDS - t0)) s"
