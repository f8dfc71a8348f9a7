import { HttpClient } from '@angular/common/http';
import { AxiosInstance } from 'axios';

/** Called once per request: whether it succeeded, and the HTTP status (0: network, -1: none). */
export type Done = (ok: boolean, status: number) => void;

/** Sends one GET the way the variant's users do; callbacks keep promises out of the timing. */
export interface BenchClient {
  send(url: string, done: Done): void;
}

export function httpClientSender(http: HttpClient): BenchClient {
  return {
    send(url, done) {
      http.get(url).subscribe({
        next: () => done(true, 200),
        error: (error: { status?: unknown }) => done(false, statusOf(error)),
      });
    },
  };
}

export function axiosSender(instance: AxiosInstance): BenchClient {
  return {
    send(url, done) {
      instance.get(url).then(
        () => done(true, 200),
        (error: { response?: { status?: unknown } }) => done(false, statusOf(error?.response)),
      );
    },
  };
}

function statusOf(error: { status?: unknown } | undefined): number {
  return typeof error?.status === 'number' ? error.status : -1;
}
