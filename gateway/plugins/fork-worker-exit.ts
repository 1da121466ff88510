// fork-worker-exit.ts: with `--fork N` (or FORK=N), a worker drains and exits like one process does.
//
// Why, twice over, both measured on Hive Gateway 2.15.1:
// - Hive listens for "invalidateUnifiedGraph" messages from the primary on every process
//   (`process.on('message')`), which keeps a worker's IPC channel, and so the worker, alive. On
//   SIGTERM each worker stopped its server ("Stopped the server successfully") and then stayed up,
//   idle, and the primary waited for it forever. After the gateway's own shutdown (the server closed,
//   requests in flight drained, the runtime disposed), the worker now disconnects from the primary, as
//   a cluster worker that is done should, and exits with 0.
// - Ctrl+C in a terminal signals the whole process group, so each worker gets SIGINT from the terminal
//   and then again from the primary, which passes its signal on. Hive handles only the first
//   (`process.once`); the second fell to the default action and killed the worker mid-drain, cutting
//   its requests in flight. A worker that is draining now ignores repeats.
// Outside a cluster this plugin does nothing.
import cluster from 'node:cluster';
import type { GatewayPlugin } from '@graphql-hive/gateway';

export function useForkWorkerExit(): GatewayPlugin {
  if (!cluster.isWorker) {
    return {};
  }

  ignoreRepeatedSignalsWhileDraining();
  return {
    onDispose() {
      // The runtime disposes its plugins after the server's graceful stop, which was registered later.
      if (cluster.worker?.isConnected()) {
        cluster.worker.disconnect();
      }
    },
  };
}

function ignoreRepeatedSignalsWhileDraining() {
  let draining = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // First in line, so Hive's one-shot handlers are still attached when this runs.
    process.prependListener(signal, function onSignal() {
      if (draining) {
        return;
      }

      if (process.listenerCount(signal) > 1) {
        draining = true;
        return;
      }

      // Nothing else handles it yet (the worker is still starting): the default, which ends the process.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    });
  }
}
