import { HttpClient } from '@angular/common/http';
import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { OTHER_ORIGIN } from './endpoints';

/** GETs `url` as the page renders; the signal holds its `value`, or the error. */
export function load(url: string): Signal<string> {
  const request = inject(HttpClient)
    .get<{ value: string }>(url)
    .pipe(
      map((body) => body.value),
      catchError((error: unknown) => of(`error: ${(error as Error)?.message ?? error}`)),
    );
  return toSignal(request, { initialValue: 'loading' });
}

export const otherOriginUrl = () => `${OTHER_ORIGIN}/data`;
export const relativeUrl = '/api/data';
