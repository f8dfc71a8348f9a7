import ts, {
  type ArrayLiteralExpression,
  type ObjectLiteralExpression,
  type SourceFile,
} from './typescript';

/** The root providers of an application: where `ng add` puts its providers. */
export interface RootProviders {
  /** `bootstrapApplication` with an app config, or a root NgModule. */
  readonly style: 'standalone' | 'ng-module';
  /** The file that holds them (`app.config.ts`, `main.ts` or the root module). */
  readonly filePath: string;
  readonly source: SourceFile;
  /** The `providers` array literal, or `null` when there is none yet. */
  readonly providers: ArrayLiteralExpression | null;
}

/** Where the root providers are, or why they cannot be edited safely. */
export type RootProvidersLookup =
  { readonly found: RootProviders } | { readonly problem: string; readonly filePath: string };

/**
 * Reads the `providers` of a config object or NgModule metadata: an array literal, absent, or
 * anything else (a variable, a spread...), which `ng add` cannot extend safely.
 */
export function providersOf(
  style: RootProviders['style'],
  filePath: string,
  object: ObjectLiteralExpression,
  what: string,
): RootProvidersLookup {
  const property = object.properties.find(
    (p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'providers',
  );
  if (!property) {
    if (object.properties.some(ts.isSpreadAssignment)) {
      return { filePath, problem: `${what} spreads another object, which may hold providers` };
    }
    return { found: { style, filePath, source: object.getSourceFile(), providers: null } };
  }
  if (!ts.isPropertyAssignment(property) || !ts.isArrayLiteralExpression(property.initializer)) {
    return { filePath, problem: `the providers of ${what} are not an array literal` };
  }
  const source = object.getSourceFile();
  return { found: { style, filePath, source, providers: property.initializer } };
}
