import type { PriceView } from "../views";

/** A committed price change. */
export interface PriceChangedEvent {
  offeringId: string;
  providerId: string;
  modelId: string;
  price: PriceView;
  previous: PriceView | null;
  actorName: string;
}

type Listener = (event: PriceChangedEvent) => void;

/**
 * In-process fan-out of committed price changes to live subscribers. Writers publish only after their
 * transaction commits, so a rolled-back write is never announced. (One process; several server
 * instances would need a shared bus such as Redis or PostgreSQL NOTIFY.)
 */
export class PriceChangeFeed {
  private readonly listeners = new Set<Listener>();

  publish(events: PriceChangedEvent[]): void {
    for (const event of events) for (const listener of [...this.listeners]) listener(event);
  }

  /** An async iterator of the events that match, until `return()` is called (the client unsubscribes). */
  subscribe(matches: (event: PriceChangedEvent) => boolean): AsyncIterableIterator<PriceChangedEvent> {
    const queue: PriceChangedEvent[] = [];
    let wake: ((result: IteratorResult<PriceChangedEvent>) => void) | undefined;
    let done = false;
    const listener: Listener = (event) => {
      if (done || !matches(event)) return;
      if (wake) {
        const resolve = wake;
        wake = undefined;
        resolve({ value: event, done: false });
      } else {
        queue.push(event);
      }
    };
    this.listeners.add(listener);
    const finish = (): Promise<IteratorResult<PriceChangedEvent>> => {
      done = true;
      this.listeners.delete(listener);
      wake?.({ value: undefined, done: true });
      wake = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: (error?: unknown) => finish().then(() => Promise.reject(error)),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
