import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { RESOURCE_URL } from './api-urls';

/** The minimal app every bundle variant is built around: one component, one GET. */
@Component({ selector: 'app-root', template: '<p>{{ status() }}</p>' })
export class BundleApp {
  readonly status = signal('loading');

  constructor() {
    inject(HttpClient)
      .get(RESOURCE_URL)
      .subscribe({
        next: () => this.status.set('loaded'),
        error: () => this.status.set('failed'),
      });
  }
}
