// processes.mjs: what bench/measure.mjs reads from /proc about the processes it measures: each one's tree
// (the edge and its child, the engine, found by the parent field of /proc/PID/stat), CPU time and memory,
// and the same for PostgreSQL's server, whose processes come and go with its connections.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

// The fields after the command name, which may hold spaces: [1] is the parent, [11] utime, [12] stime,
// [13] cutime and [14] cstime (the time of its children that have exited and been waited for).
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The process and all its descendants. */
export function processTree(pid) {
  const parents = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try { parents.push([Number(entry), Number(statFields(entry)[1])]); } catch { /* exited meanwhile */ }
  }
  const tree = [Number(pid)];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** User + system CPU time of the processes, in ms. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = statFields(pid);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch { /* exited meanwhile */ }
  }
  return ticks * TICK_MS;
}

/**
 * User + system CPU time of a server that forks a process per connection (PostgreSQL's postmaster), in ms:
 * its processes' now, plus what its exited children spent, so a backend that ends between two readings
 * still counts.
 */
export function serverCpuMs(pid) {
  let reaped = 0;
  try {
    const fields = statFields(pid);
    reaped = (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch { /* exited meanwhile */ }
  return cpuMs(processTree(pid)) + reaped;
}

function sumKb(pids, file, field) {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(readFileSync(`/proc/${pid}/${file}`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    } catch { /* exited meanwhile */ }
  }
  return kb ? kb / 1024 : null;
}

/** A kB line of /proc/PID/status (VmRSS: now; VmHWM: the peak since start) summed over the processes, in MB. */
export const statusMb = (pids, field) => sumKb(pids, 'status', field);

/**
 * The processes' proportional set size summed, in MB: each shared page divided among the processes that map
 * it. For PostgreSQL, whose backends all map the shared buffers, a sum of VmRSS counts them once per backend.
 */
export const pssMb = (pids) => sumKb(pids, 'smaps_rollup', 'Pss');

/**
 * Polls each named tree's VmRSS every intervalMs until stop(), which returns each one's highest sum; a tree
 * named in `readers` is read by its function instead (pssMb for PostgreSQL).
 */
export function pollPeakRss(trees, readers = {}, intervalMs = 100) {
  const peaks = {};
  const poll = () => {
    for (const [name, pids] of Object.entries(trees)) {
      const mb = (readers[name] ?? ((p) => statusMb(p, 'VmRSS')))(pids);
      if (mb != null && !(peaks[name] >= mb)) peaks[name] = mb;
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return { stop: () => { clearInterval(timer); poll(); return peaks; } };
}
