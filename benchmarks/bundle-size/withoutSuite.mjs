/**
 * Removes the imports from packages in `scope` and every line that uses what
 * they import. Good enough for the app's wiring files, where each use of a
 * plugin is one line (a feature in a list, a sidebar item).
 */
export function withoutSuite(source, scope) {
  const imported = [];
  const importPattern = new RegExp(
    `^import\\s+(?:\\{([^}]*)\\}|(\\w+))\\s+from\\s+'${scope}[^']*';\\n`,
    'gm',
  );
  const stripped = source.replace(importPattern, (_, named, dflt) => {
    imported.push(
      ...(named ?? dflt)
        .split(',')
        .map(n => n.trim())
        .filter(Boolean),
    );
    return '';
  });
  return stripped
    .split('\n')
    .filter(line => !imported.some(id => new RegExp(`\\b${id}\\b`).test(line)))
    .join('\n');
}
