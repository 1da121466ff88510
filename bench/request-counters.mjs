// request-counters.mjs: how many requests reached each subgraph, from ASP.NET Core's own counter (the
// "Microsoft.AspNetCore.Hosting" EventSource's total-requests), read by dotnet-counters attached from outside
// for the whole run: no proxy in the path and no log line per request. The counter is sampled once a second,
// so settled() reads it only once a sample taken after SETTLE_MS without load has arrived.
import { spawn } from 'node:child_process';

const SETTLE_MS = 1500;
const COUNTER = 'EventCounters\\Microsoft.AspNetCore.Hosting[total-requests]';
// dotnet-counters monitor redraws its screen: the first value follows the counter's name, later ones a cursor
// move; it writes thousands separators.
const VALUE = /(?:Total Requests|\x1b\[\d+;\d+H)\s+([\d,.]+)(?=\s)/g;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One dotnet-counters monitor per named PID; each keeps the latest count and when it arrived. */
export function requestCounters(tool, pids) {
  const counters = Object.entries(pids).map(([name, pid]) => {
    const monitor = spawn(tool, ['monitor', '-p', String(pid), '--counters', COUNTER, '--refresh-interval', '1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const counter = { name, monitor, value: null, at: 0 };
    let text = '';
    monitor.stdout.setEncoding('utf8').on('data', (chunk) => {
      text += chunk;
      let end = 0;
      for (const match of text.matchAll(VALUE)) [counter.value, counter.at, end] = [Number(match[1].replace(/\D/g, '')), Date.now(), match.index + match[0].length];
      text = text.slice(end);
    });
    return counter;
  });

  /** Each subgraph's count, once every counter has a sample from after SETTLE_MS of quiet (null if none comes). */
  async function settled(timeoutMs = 15_000) {
    const from = Date.now();
    while (counters.some((c) => c.at < from + SETTLE_MS)) {
      if (Date.now() - from > timeoutMs) return null;
      await sleep(50);
    }
    return Object.fromEntries(counters.map((c) => [c.name, c.value]));
  }

  return {
    pids: counters.map((c) => c.monitor.pid),
    settled,
    stop: () => { for (const c of counters) c.monitor.kill(); },
  };
}
