import type { z } from 'zod';
import type { Ack, AckCallback } from '@parley/protocol';
import { describeZodError } from '@parley/protocol/schemas';
import type { Logger } from 'pino';
import { deadline, toProtocolError } from './errors.js';

/** Server-side bound on one command; below the clients' 10 s ack timeout so they hear why. */
export const COMMAND_DEADLINE_MS = 8000;

/**
 * What a namespace records about the commands it answers (metrics/socket.ts). Called from `command`
 * itself rather than from a packet middleware wrapping each ack, so a command costs no extra closure
 * or middleware step for its metrics.
 */
export interface CommandObserver {
  /** A command reached its handler; the value returned is passed back to `answered`. */
  started(): number;
  answered(event: string, since: number, response: Ack<unknown>): void;
}

/** A command handler: `socket.on(event, handler)`. */
type Handler<T> = (input: unknown, ack?: AckCallback<T>) => void;

/**
 * A namespace's `command`: wraps one socket event so it validates the payload, runs `fn`, acks the
 * result, and never throws. Socket.IO hands a bare callback as the first argument when the client sent
 * no payload, and no callback at all when the client did not ask for an ack: both are handled here so
 * handlers don't.
 */
export function commands(logger: Logger, observer: CommandObserver) {
  return function command<S extends z.ZodType, T>(event: string, schema: S, fn: (input: z.infer<S>) => Promise<T>, inOrder?: Sequence): Handler<T> {
    return (input: unknown, ack?: unknown) => {
      if (typeof input === 'function' && ack === undefined) {
        ack = input;
        input = undefined;
      }
      const since = observer.started();
      const reply = (response: Ack<T>) => {
        observer.answered(event, since, response);
        if (typeof ack !== 'function') return;
        try {
          (ack as AckCallback<T>)(response);
        } catch (error) {
          logger.warn({ err: error, event }, 'ack callback failed');
        }
      };
      // `emit('queue:list', ack)` with no payload means "no arguments" for commands that take none.
      const parsed = schema.safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        // A body over the limit is its own code, so clients can tell "too long" from "malformed".
        const tooBig = parsed.error.issues.some((i) => i.code === 'too_big' && i.path[0] === 'body');
        reply({ ok: false, error: { code: tooBig ? 'too_large' : 'invalid', message: describeZodError(parsed.error) } });
        return;
      }
      let pending: Promise<T>;
      try {
        // Answer before the client's own ack timeout (10 s) gives up on us, even if the work is stuck.
        const run = () => fn(parsed.data);
        pending = deadline(inOrder ? inOrder.tail.then(run, run) : run(), COMMAND_DEADLINE_MS, event);
        // The same deadline bounds the queue: a command stuck on a dead database connection must not
        // hold this socket's later ones forever; past it the next goes ahead (its seq still comes from
        // the database, in order). One deadline per command rather than one for each purpose.
        if (inOrder) inOrder.tail = pending.then(ignore, ignore);
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => {
          const { error: wire, unexpected } = toProtocolError(error);
          if (unexpected) logger.error({ err: error, event }, 'socket handler failed');
          reply({ ok: false, error: wire });
        },
      );
    };
  };
}

/**
 * A socket's commands that must run one after another. Used per socket for `message:send`: with a
 * connection pool two quick sends could otherwise commit (and get seqs) in the opposite order to the
 * one typed. Pass it to `command`.
 */
export interface Sequence {
  tail: Promise<unknown>;
}

export function sequential(): Sequence {
  return { tail: Promise.resolve() };
}

const ignore = () => undefined;
