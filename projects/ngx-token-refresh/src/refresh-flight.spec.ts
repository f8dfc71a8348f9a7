import { Subscription } from 'rxjs';
import { RefreshFlight } from './refresh-flight';

describe('RefreshFlight', () => {
  it('result gives every waiter the token once, then completes', () => {
    const flight = new RefreshFlight();
    const first = record(flight);
    const second = record(flight);
    flight.end({ token: 'T1' });
    expect(first.log).toEqual(['next T1', 'complete']);
    expect(second.log).toEqual(['next T1', 'complete']);
  });

  it('result replays the outcome to a waiter that subscribes after the end', () => {
    const flight = new RefreshFlight();
    flight.end({ error: 'boom' });
    expect(record(flight).log).toEqual(['error boom']);
  });

  it('end keeps the first outcome; a second end changes nothing', () => {
    const flight = new RefreshFlight();
    flight.end({ token: 'T1' });
    flight.end({ error: 'late' });
    expect(record(flight).log).toEqual(['next T1', 'complete']);
  });

  it('cancel unsubscribes the call and completes waiters without a token', () => {
    const flight = new RefreshFlight();
    flight.subscription = new Subscription();
    const waiter = record(flight);
    flight.cancel();
    expect(flight.subscription.closed).toBeTrue();
    expect(waiter.log).toEqual(['complete']);
  });

  it('result forgets a waiter that unsubscribed before the end', () => {
    const flight = new RefreshFlight();
    const gone = record(flight);
    gone.subscription.unsubscribe();
    flight.end({ token: 'T1' });
    expect(gone.log).toEqual([]);
  });
});

function record(flight: RefreshFlight): { log: string[]; subscription: Subscription } {
  const log: string[] = [];
  const subscription = flight.result.subscribe({
    next: (token) => log.push(`next ${token}`),
    error: (error: unknown) => log.push(`error ${String(error)}`),
    complete: () => log.push('complete'),
  });
  return { log, subscription };
}
