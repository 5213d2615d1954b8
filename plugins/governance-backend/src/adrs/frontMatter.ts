import YAML from 'yaml';

/** The data of a file's front matter, and the Markdown after it. */
export type FrontMatter =
  | {
      ok: true;
      data: Record<string, unknown>;
      body: string;
      warnings: string[];
    }
  | { ok: false; message: string };

/**
 * Splits `---` front matter off a Markdown file and reads it as YAML data.
 *
 * Written here rather than with gray-matter because gray-matter picks its
 * engine from the opening fence and evaluates `---js` front matter: ADR
 * files come from repositories anyone may register, so their front matter
 * is only ever data. Any other language on the fence is refused, not read.
 */
export function readFrontMatter(content: string): FrontMatter {
  const text = content.replace(/^\uFEFF/, '');
  // `----` and longer are a Markdown rule, not a fence (as gray-matter has it).
  if (!text.startsWith('---') || text[3] === '-') {
    return { ok: true, data: {}, body: text, warnings: [] };
  }
  const lines = text.split('\n');
  const language = lines[0].slice(3).trim();
  if (language && !/^ya?ml$/i.test(language)) {
    return {
      ok: false,
      message: `the front matter is marked "${shorten(
        language,
      )}"; only YAML front matter is read`,
    };
  }
  const closing = lines.findIndex(
    (line, index) => index > 0 && /^---[ \t]*\r?$/.test(line),
  );
  if (closing < 0) {
    return { ok: false, message: 'the front matter has no closing "---" line' };
  }

  const document = YAML.parseDocument(lines.slice(1, closing).join('\n'));
  if (document.errors.length > 0) {
    return {
      ok: false,
      message: `the front matter is not valid YAML: ${firstLine(
        document.errors[0].message,
      )}`,
    };
  }
  let data: unknown;
  try {
    data = document.toJS() ?? {};
  } catch (error) {
    // e.g. more aliases than the yaml package expands (a "billion laughs" file).
    return {
      ok: false,
      message: `the front matter is not valid YAML: ${firstLine(
        String((error as Error)?.message ?? error),
      )}`,
    };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'the front matter is not a YAML mapping' };
  }
  return {
    ok: true,
    data: data as Record<string, unknown>,
    body: lines.slice(closing + 1).join('\n'),
    // e.g. an unknown tag such as !!js/function, read as a plain value.
    warnings: document.warnings.map(
      warning => `front matter: ${firstLine(warning.message)}`,
    ),
  };
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
