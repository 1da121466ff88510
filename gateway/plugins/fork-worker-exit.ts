// fork-worker-exit.ts: with `--fork N` (or FORK=N), a worker exits once it has shut down.
//
// Why: Hive Gateway 2.15.1 listens for "invalidateUnifiedGraph" messages from the primary on every
// process (`process.on('message')`), which keeps a worker's IPC channel, and so the worker, alive.
// On SIGTERM each worker stopped its server ("Stopped the server successfully") and then stayed up
// forever, idle, and the primary waited for it: `--fork 2` never exited. After the gateway's own
// shutdown (the server closed, requests in flight drained, the runtime disposed), the worker now
// disconnects from the primary, as a cluster worker that is done should; nothing is left to keep
// its event loop running, and it exits with 0. Outside a cluster this does nothing.
import cluster from 'node:cluster';
import type { GatewayPlugin } from '@graphql-hive/gateway';

export function useForkWorkerExit(): GatewayPlugin {
  return {
    onDispose() {
      // The runtime disposes its plugins after the server's graceful stop, which was registered later.
      if (cluster.isWorker && cluster.worker?.isConnected()) {
        cluster.worker.disconnect();
      }
    },
  };
}
