// Measure 5: heap after many refresh cycles.
import { LABELS, REFRESHING } from '../variants.mjs';
import { int, kb, table } from './format.mjs';

export function memorySection({ memory, results }) {
  const { cycles, warmup } = results.measures.memory;
  const rows = REFRESHING.map((id) => {
    const row = memory[id];
    return [
      id === 'library' ? `**${LABELS[id]}**` : LABELS[id],
      kb(row.heapWarm),
      kb(row.heapEnd),
      `+${kb(row.firstHalf)}`,
      `${row.secondHalf >= 0 ? '+' : ''}${kb(row.secondHalf)}`,
      `${row.secondHalfPerCycle.toFixed(1)} B`,
      int(row.failed),
      int(row.usPerCycle),
      int(row.cpuUsPerCycle),
    ];
  });
  return `## 5. Memory

${int(cycles)} refresh cycles per option against the in-process server (answers in a microtask,
tokens enforced): each cycle the server stops accepting the current access token and one request
goes out, which gets a 401, refreshes (rotation included) and is retried. JS heap in use
(\`Runtime.getHeapUsage\` after two forced collections, \`HeapProfiler.collectGarbage\`, over CDP)
after a warm-up of ${int(warmup)} cycles, half-way and at the end; medians of ${results.settings.memory.reps} runs.
Growth in the first half is mostly the engine warming up (compiled code, inline caches); a leak
would keep growing at the same rate in the second half (a retained subscription per cycle would
already be hundreds of bytes per cycle).

${table(['Option', 'heap after warm-up', `after ${int(cycles)}`, '1st half', '2nd half', '2nd half per cycle', 'failed', 'µs per cycle', 'CPU µs per cycle'], rows, 'lrrrrrrrr')}

"µs per cycle" is the wall time of a whole cycle (401, refresh, retry) without a network: CPU,
and the waits in between (the browser process granting a Web Lock, timers). "CPU µs per cycle"
is the page's main-thread time only (CDP \`Performance.getMetrics\`, \`TaskDuration\`), the
in-process server's share included.`;
}
