#!/usr/bin/env bash
# A one-node Slurm cluster on localhost for CI (Debian's slurm-wlm and munge): `start` writes a munge key and a
# minimal slurm.conf under $TPOSIM_SLURM_DIR (default /tmp/tposim-slurm), starts munged, slurmctld and slurmd and
# waits until sinfo shows the node idle; `stop` stops the three daemons it started (by their pid files) and `env`
# prints the SLURM_CONF line clients need. Nothing outside that folder is written: the daemons use their own munge
# socket and ports (on 127.0.0.1 only), so a site's Slurm or munge on the same machine is left alone. Meant for CI
# (SlurmUser=root).
set -euo pipefail
DIR="${TPOSIM_SLURM_DIR:-/tmp/tposim-slurm}"
CONF="$DIR/slurm.conf"
SOCKET="$DIR/munge/munge.socket.2"
export SLURM_CONF="$CONF"

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop() {
  # slurmd, then slurmctld, then munged: each by the pid it wrote, never by name.
  for p in "$DIR/slurmd.pid" "$DIR/slurmctld.pid" "$DIR/munge/munged.pid"; do
    if pid_alive "$p"; then
      pid=$(cat "$p"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$p"
  done
}

start() {
  for b in munged slurmctld slurmd sinfo sbatch; do
    command -v "$b" >/dev/null 2>&1 || { echo "slurm-localhost: $b not found (apt-get install slurm-wlm munge)" >&2; exit 3; }
  done
  if pid_alive "$DIR/slurmctld.pid" && sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
    echo "slurm-localhost: already running (SLURM_CONF=$CONF)"; return 0
  fi
  stop
  mkdir -p "$DIR/munge" "$DIR/state" "$DIR/spool" "$DIR/log"
  chmod 700 "$DIR" "$DIR/munge"
  # A fresh 1 KiB key for this cluster only (munge accepts any key of 32 bytes or more).
  [ -s "$DIR/munge/munge.key" ] || { head -c 1024 /dev/urandom > "$DIR/munge/munge.key"; chmod 400 "$DIR/munge/munge.key"; }
  # --force: CI runs as root, which munged otherwise refuses.
  munged --force --key-file="$DIR/munge/munge.key" --socket="$SOCKET" --pid-file="$DIR/munge/munged.pid" \
    --log-file="$DIR/log/munged.log" --seed-file="$DIR/munge/munged.seed"
  cpus=$(nproc)
  cat > "$CONF" <<EOF
# Written by .ci/slurm-localhost.sh: a one-node cluster on localhost for TpoSim's CI.
ClusterName=tposim-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
# Jobs whose dependency can never be met (a merge after a failed shard) are cancelled, not kept pending forever.
SchedulerParameters=kill_invalid_depend
MinJobAge=600
# Listen on the loopback address only (NodeAddr and SlurmctldHost are 127.0.0.1), not on every interface.
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  slurmctld -f "$CONF"
  slurmd -f "$CONF" -N localhost
  for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      echo "slurm-localhost: node localhost idle with $cpus CPUs (SLURM_CONF=$CONF)"; return 0
    fi
    sleep 1
  done
  echo "slurm-localhost: the node did not come up idle in 60 s; sinfo says: $(sinfo -h 2>&1 | tr '\n' ' ')" >&2
  tail -n 5 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 2>/dev/null || true
  stop
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop; echo "slurm-localhost: stopped" ;;
  env) echo "SLURM_CONF=$CONF" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
