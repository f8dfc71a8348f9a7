import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { API } from '../core/api-urls';

interface Item {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}

/** A second guarded page: the item catalogue from GET /api/items. */
@Component({
  selector: 'app-items-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="items-page">
      <header class="page-header">
        <h1 class="page-title">Items</h1>
        <p class="page-subtitle">The catalogue, loaded from a protected endpoint.</p>
      </header>
      <article class="card card--flush">
        @if (items(); as list) {
          <table class="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              @for (item of list; track item.id) {
                <tr data-testid="item-row">
                  <td class="muted">{{ item.id }}</td>
                  <td>
                    <strong>{{ item.name }}</strong>
                  </td>
                  <td>{{ item.description }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else if (error(); as message) {
          <p class="alert alert--error flush-message" data-testid="items-error">{{ message }}</p>
        } @else {
          <p class="muted flush-message">Loading items…</p>
        }
      </article>
    </section>
  `,
  styles: `
    .flush-message {
      margin: 1.25rem;
    }
  `,
})
export class ItemsPage {
  private readonly _http = inject(HttpClient);

  protected readonly items = signal<readonly Item[] | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this._http.get<Item[]>(API.items).subscribe({
      next: (items) => this.items.set(items),
      error: (error: unknown) => {
        const status = error instanceof HttpErrorResponse ? ` (HTTP ${error.status})` : '';
        this.error.set(`The items could not be loaded${status}.`);
      },
    });
  }
}
