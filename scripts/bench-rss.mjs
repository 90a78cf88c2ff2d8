// Preloaded with `node --import ./scripts/bench-rss.mjs …` by the benchmark:
// at exit, writes the process's peak resident set size and its CPU time to
// stderr as `MAXRSS <KiB>` and `CPUTIME <user µs> <system µs>`
// (process.resourceUsage(): maxRSS is in KiB, CPU times in µs). No dependencies.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

// --import runs in worker threads too; the process's figures are reported once, by the main thread.
if (isMainThread)
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeSync(2, `MAXRSS ${u.maxRSS}\nCPUTIME ${u.userCPUTime} ${u.systemCPUTime}\n`);
    } catch {
      // stderr closed: nothing to report to
    }
  });
