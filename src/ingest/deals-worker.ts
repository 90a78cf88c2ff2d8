/*
 * Reads a later part of a deals file in a worker thread (see split-read.ts),
 * once the main thread sends the header the first part found, and sends back
 * what it read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPart } from './read-part.js';
import type { HeaderMessage, PartReply, PartTask } from './split-read.js';

const task = workerData as PartTask;
const port = parentPort;

const send = (reply: PartReply): void => {
  port?.postMessage(reply);
};
const fail = (err: unknown): void => send({ ok: false, reason: err instanceof Error ? err.message : String(err) });

port?.once('message', (message: HeaderMessage) => readPart(task, message).then(send, fail));
