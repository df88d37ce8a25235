#!/usr/bin/env bash
# Sets up a Debian 12 machine for cnsim, builds it, and then either runs it or tests it.
#
#   scripts/quickstart.sh run    install, build, start cnsim-studio on the default scenario
#                                (with no display: run it headless with `cnsim run`)
#   scripts/quickstart.sh test   install, build, run the whole test suite with ctest
#
# Needs root or sudo only to install missing packages. With CI=true, warnings are errors.
set -euo pipefail

mode="${1:-}"
if [[ "$mode" != "run" && "$mode" != "test" ]]; then
    echo "usage: scripts/quickstart.sh run|test" >&2
    exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$repo/build"

# Every package the project needs, all from Debian 12.
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libqcustomplot-dev libyaml-cpp-dev libboost-graph-dev
    xvfb xauth fonts-wqy-microhei
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "==> Installing ${missing[*]}"
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then
        sudo="sudo"
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

werror=OFF
if [[ "${CI:-}" == "true" ]]; then
    werror=ON
fi

echo "==> Building in $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCNSIM_WERROR="$werror"
cmake --build "$build" --parallel "$(nproc)"

scenario="$repo/scenarios/hello-cluster.yaml"
if [[ "$mode" == "test" ]]; then
    echo "==> Testing"
    ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
elif [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    echo "==> Starting cnsim-studio"
    exec "$build/app/studio/cnsim-studio" "$scenario"
else
    echo "==> No display: running the default scenario headless"
    exec "$build/app/cli/cnsim" run "$scenario"
fi
