/*
 * Reads one part of a deals file in a worker thread (see split-read.ts): the
 * part's bytes, with the header the first part found, into aggregates of the
 * options given, which it sends back with the part's counts and deal ids.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { addDealToInputs, createInputAggregates } from '../engine/input-report.js';
import { notesOf, readDeals } from './deals.js';
import { IdSet } from './id-set.js';
import type { RowProblem } from './row-problem.js';
import type { PartTask, PartReply, HeaderMessage } from './split-read.js';

const task = workerData as PartTask;
const port = parentPort;

const send = (reply: PartReply): void => {
  // The deal ids move to the main thread rather than being copied.
  port?.postMessage(reply, reply.ok ? [reply.ids.buffer()] : []);
};
const fail = (err: unknown): void => send({ ok: false, reason: err instanceof Error ? err.message : String(err) });

// The first part finds the header; the others wait for it.
if (task.start === 0) readPart().then(send, fail);
else port?.once('message', (message: HeaderMessage) => readPart(message).then(send, fail));

async function readPart(given?: HeaderMessage): Promise<PartReply> {
  // The deals and the funnel taken from them; the other inputs are read elsewhere.
  const none = { activities: false, costs: false, surveys: false };
  const aggregates = task.aggregates.map((o) => createInputAggregates(o, none));
  const ids = IdSet.forRows(task.expectedRows);
  const rejected: RowProblem[][] = [];
  const read = await readDeals(createReadStream(task.path, { start: task.start, end: task.end }), {
    file: task.file,
    profile: given === undefined ? task.profile : { ...task.profile, encoding: given.encoding },
    ...(given === undefined ? {} : { header: given.header }),
    ids,
    onHeader(header, encoding) {
      port?.postMessage({ header, encoding } satisfies HeaderMessage);
    },
    onDeal(deal) {
      for (let i = 0; i < aggregates.length; i++) addDealToInputs(aggregates[i] as (typeof aggregates)[number], deal);
    },
    onReject(problems) {
      if (rejected.length < task.keepRejected) rejected.push(problems);
    },
  });
  return {
    ok: true,
    read,
    notes: [...notesOf(read)],
    rejected,
    ids,
    aggregates: aggregates.map((a) => ({ deals: a.deals, handoffs: a.handoffs })),
  };
}
