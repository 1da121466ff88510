// profile-report.mjs: turns a dotnet-trace "sampled thread time" trace (speedscope JSON) into the
// markdown of bench/profile.sh. Only samples whose leaf is CPU_TIME count (a thread in managed code).
// That is not CPU: a thread blocked in a managed wait is sampled the same (the finalizer thread
// showed a quarter of all samples and used no CPU), so each thread's samples are scaled to the CPU
// the kernel counted for it over the trace (/proc/<pid>/task, before and after). Each stage is the
// share of that CPU with a matching frame on the stack (profile-common.mjs).
import { readFileSync } from 'node:fs';
import { heading, shareRows, stageRows } from './profile-common.mjs';

const [tracePath, loadPath, cpuTicks, ticksPerSecond, threadsBefore, threadsAfter] = process.argv.slice(2);
const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
const load = JSON.parse(readFileSync(loadPath, 'utf8'));
const frames = trace.shared.frames.map((frame) => frame.name);

// Kernel-counted CPU ms per thread id over the trace, and the thread's name.
const readThreads = (path) => new Map(readFileSync(path, 'utf8').trim().split('\n').map((line) => {
  const [id, ticks, name] = line.split(' ');
  return [id, { ticks: Number(ticks), name }];
}));
const before = readThreads(threadsBefore);
const threads = [...readThreads(threadsAfter)].map(([id, { ticks, name }]) => ({
  id, name, cpuMs: ((ticks - (before.get(id)?.ticks ?? 0)) * 1000) / Number(ticksPerSecond),
}));

// Sampled time per distinct stack, per thread, from the evented profiles (one per thread).
const sampled = new Map();
for (const profile of trace.profiles) {
  const id = /\((\d+)\)/.exec(profile.name)?.[1];
  const perStack = new Map();
  const stack = [];
  let last = null;
  for (const event of profile.events) {
    if (last !== null && stack.length && frames[stack.at(-1)] === 'CPU_TIME') {
      const key = stack.slice(0, -1).join(',');
      perStack.set(key, (perStack.get(key) ?? 0) + event.at - last);
    }
    last = event.at;
    if (event.type === 'O') stack.push(event.frame); else stack.pop();
  }
  sampled.set(id, perStack);
}

// CPU ms per distinct stack: each thread's samples scaled to its measured CPU. A thread that used
// CPU without managed samples (the GC's threads, native code) counts under its name alone.
const stacks = new Map();
const unsampled = new Map();
for (const { id, name, cpuMs } of threads) {
  if (cpuMs <= 0) continue;
  const perStack = sampled.get(id) ?? new Map();
  const sampledMs = [...perStack.values()].reduce((a, b) => a + b, 0);
  if (sampledMs === 0) {
    unsampled.set(name, (unsampled.get(name) ?? 0) + cpuMs);
    continue;
  }
  for (const [key, time] of perStack) stacks.set(key, (stacks.get(key) ?? 0) + (time * cpuMs) / sampledMs);
}
const total = threads.reduce((sum, thread) => sum + Math.max(0, thread.cpuMs), 0);
const byThreadKind = new Map();
for (const { name, cpuMs } of threads) {
  const kind = name.replace(/_?\d+$/, '');
  byThreadKind.set(kind, (byThreadKind.get(kind) ?? 0) + Math.max(0, cpuMs));
}
const share = (test) => {
  let sum = 0;
  for (const [key, time] of stacks) if (key && key.split(',').some((f) => test.test(frames[f]))) sum += time;
  return (100 * sum) / total;
};

const exclusive = new Map();
for (const [key, time] of stacks) {
  const leaf = key.split(',').at(-1);
  if (leaf === '') continue;
  const name = frames[leaf].replace(/\(.*$/, '').slice(0, 110);
  exclusive.set(name, (exclusive.get(name) ?? 0) + time);
}

console.log([
  ...heading({ tool: 'dotnet-trace', load, cpuTicks, ticksPerSecond }),
  `- CPU the kernel counted for the process's threads over the trace: ${Math.round(total)} ms`,
  '',
  '## CPU by thread (kernel count)',
  '',
  '| Threads | Share of CPU |',
  '|---|---:|',
  ...shareRows(byThreadKind, total),
  '',
  '## CPU by stage (each thread\'s samples scaled to its CPU)',
  '',
  'A thread that both works and waits keeps its waits here (a worker parked on its semaphore or for a',
  'GC): the spinning and GC rows are upper bounds. `bench/profile.sh --perf` counts only CPU.',
  '',
  '| Stage | Share of CPU |',
  '|---|---:|',
  ...stageRows(share),
  ...[...unsampled].map(([name, ms]) => `| \`${name}\` threads (no managed samples) | ${((100 * ms) / total).toFixed(1)}% |`),
  '',
  '## Top frames by exclusive CPU',
  '',
  '| Frame | Share |',
  '|---|---:|',
  ...shareRows(exclusive, total),
].join('\n'));
