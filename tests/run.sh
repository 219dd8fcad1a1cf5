#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, then runs every test project.
# Fails (non-zero exit) when anything is missing that cannot be installed, or when any test fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

step "Checking Chromium (Debian package) for the browser tests"
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/lib/chromium/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium package"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
chromium --version

step "Checking Node.js and the test OpenID Connect provider (tests/oidc-provider, npm oidc-provider)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js is missing: installing Debian's nodejs and npm packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) is too old for the test OpenID Connect provider: it needs 20 or later." >&2
  exit 1
fi
echo "Node.js $(node --version)"
# npm ci only when the installed packages are missing or older than the lock file.
oidc_dir=tests/oidc-provider
if [ ! -f "$oidc_dir/node_modules/.package-lock.json" ] || [ "$oidc_dir/package-lock.json" -nt "$oidc_dir/node_modules/.package-lock.json" ]; then
  echo "Installing the provider's packages (npm ci)"
  (cd "$oidc_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

step "Checking that the EC2 emulator (moto) can start"
python3 - <<'PY'
import socket, subprocess, sys, time, urllib.request
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            print(f"moto answered on port {port}")
            break
        except Exception:
            if proc.poll() is not None:
                sys.exit("moto.server exited at start: is moto installed for python3? (python3 -m pip install 'moto[server]')")
            time.sleep(0.2)
    else:
        sys.exit("moto.server did not answer within 20 seconds")
finally:
    proc.kill()
PY

# One cleanup for everything this script leaves behind (the PostgreSQL cluster, the other tests' log), run on any exit.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
others_log=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
  fi
  if [ -n "$others_log" ]; then rm -f "$others_log"; fi
}
trap cleanup EXIT
# Ctrl-C or kill: exit through the EXIT trap above.
trap 'exit 130' INT
trap 'exit 143' TERM

# initdb and postgres refuse to run as root: as root, run them as the postgres user (made by Debian's package).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd "$pg_dir" && runuser -u postgres -- "$@"); else "$@"; fi
}

step "Starting a throwaway PostgreSQL cluster"
if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ] || [ ! -x "$pg_bin/postgres" ]; then
  echo "PostgreSQL 15 is missing: installing Debian's postgresql package"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
pg_dir="$(mktemp -d)"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
as_pg "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust --username=portal -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
pg_log="$pg_dir/server.log"
if ! as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories='$pg_dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null \
   || ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -t 30; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$pg_log" >&2 || true
  exit 1
fi
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=portal;Database=postgres"

step "Restoring and building"
dotnet tool restore >/dev/null
dotnet build Portal.sln -c Release -nologo -clp:ErrorsOnly

# The browser tests wait on the browser and on the simulated AWS most of the time (about half of two cores), so the
# other test projects run alongside them, one after another, with their output printed once they are done.
step "Running the tests: unit, component and integration tests alongside the browser tests"
# A test that hangs fails after 10 minutes and names itself (with a dump in TestResults), instead of using up CI's limit.
run_tests() { dotnet test "$1" -c Release --no-build --nologo --logger "console;verbosity=minimal" --blame-hang --blame-hang-timeout 10m; }
others_log="$(mktemp)"
(
  others_status=0
  for project in tests/Portal.UnitTests tests/Portal.ComponentTests tests/Portal.IntegrationTests; do
    printf '\n==> %s\n' "$project"
    run_tests "$project" || others_status=1
  done
  exit "$others_status"
) >"$others_log" 2>&1 &
others=$!

status=0
step "tests/Portal.E2ETests"
run_tests tests/Portal.E2ETests || status=1
wait "$others" || status=1
cat "$others_log"

if [ "$status" -ne 0 ]; then
  echo "Some tests failed." >&2
fi
exit "$status"
