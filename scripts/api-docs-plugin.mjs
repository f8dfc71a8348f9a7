// A local TypeDoc plugin for the API reference (typedoc.config.mjs, scripts/api-docs.mjs):
// - names each entry point after its import path (`src/public-api` -> `ngx-token-refresh`,
//   `testing/src/public-api` -> `ngx-token-refresh/testing`), the ng-packagr layout;
// - leaves out everything `ɵ`-prefixed, Angular's mark for private API (not covered by semver):
//   exports such as the one /testing uses, and members such as a feature object's `ɵproviders`;
// - leaves out members a class only inherits from outside the library (`Error`'s `message`,
//   `stack`, `cause`): the reference documents what this library adds;
// - warns, as a validation warning (an error under `treatWarningsAsErrors`), for every public
//   export whose JSDoc lacks a `@usageNotes` example importing it from its entry point. TypeDoc
//   0.28 has no option that requires a block tag; `validation.notDocumented` only asks for some
//   comment.
import { Application, Converter, ReflectionKind } from 'typedoc';

/** The import path of an entry point module named after its file, relative to the library. */
export function importPath(packageName, moduleName) {
  const subpath = moduleName.replace(/(^|\/)src\/public-api$/, '');
  return subpath ? `${packageName}/${subpath}` : packageName;
}

/** The reflections that hold each entry point's exports, with the path users import them from. */
function entryPoints(project) {
  const modules = project.getChildrenByKind(ReflectionKind.Module);
  return modules.length
    ? modules.map((module) => ({ container: module, from: module.name }))
    : [{ container: project, from: project.name }];
}

/** The text of every `@usageNotes` block on the export or its signatures. */
function usageNotes(reflection) {
  return [reflection, ...(reflection.signatures ?? [])]
    .flatMap((r) => r.comment?.getTags('@usageNotes') ?? [])
    .map((tag) => tag.content.map((part) => part.text).join(''));
}

/** Whether one of `notes` has a code block with `import { ..., name, ... } from 'from'`. */
export function importsExport(notes, name, from) {
  const quoted = from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const imports = new RegExp(`^import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s+from\\s+'${quoted}'`, 'gm');
  return notes.some((text) =>
    [...text.matchAll(imports)].some(([, names]) =>
      names.split(',').some((n) => n.trim().replace(/^type\s+/, '') === name),
    ),
  );
}

/** @param {Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, ({ project }) => {
    for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
      module.name = importPath(project.name, module.name);
    }
    const hidden = Object.values(project.reflections).filter((r) => r.name.startsWith('\u0275'));
    for (const reflection of hidden) {
      // Removing an export removes its members too.
      if (project.getReflectionById(reflection.id)) project.removeReflection(reflection);
    }
  });

  // After ImplementsPlugin (priority 0) has marked inherited members, before GroupPlugin (-100)
  // groups them.
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    ({ project }) => {
      for (const owner of project.getReflectionsByKind(ReflectionKind.ClassOrInterface)) {
        for (const member of [...(owner.children ?? [])]) {
          const from = member.inheritedFrom;
          if (from && !from.reflection) project.removeReflection(member);
        }
      }
    },
    -50,
  );

  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    for (const { container, from } of entryPoints(project)) {
      for (const child of container.children ?? []) {
        const notes = usageNotes(child);
        const where = `${child.name} (${ReflectionKind[child.kind]}, exported by ${from})`;
        if (!notes.length) {
          app.logger.validationWarning(
            `${where} has no @usageNotes example: add one to its JSDoc, with the import line.`,
          );
        } else if (!importsExport(notes, child.name, from)) {
          app.logger.validationWarning(
            `${where}: its @usageNotes example does not import it ` +
              `(\`import { ${child.name} } from '${from}';\`).`,
          );
        }
      }
    }
  });
}
