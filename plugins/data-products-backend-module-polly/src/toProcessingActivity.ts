import {
  type ProcessingActivity,
  safeName,
} from '@datamesh-governance/plugin-data-products-common';

/** Where the mapped activity comes from and where people read it. */
export type ToProcessingActivityOptions = {
  registerId: string;
  /** The register's web UI, without a trailing slash. */
  uiUrl: string;
};

// The register is another team's service: read its answers as `unknown` and
// pick what is there, so a missing or odd field never crashes a search.
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed ? trimmed : undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A codelist value (`{ code, shortName, description }`) as people read it. */
function codelistName(value: unknown): string | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  return text(value.shortName) ?? text(value.description) ?? text(value.code);
}

function gdprCode(legalBasis: Json): string | undefined {
  return isObject(legalBasis.gdpr) ? text(legalBasis.gdpr.code) : undefined;
}

function gdprDescription(legalBasis: Json): string | undefined {
  const gdpr = legalBasis.gdpr;
  return isObject(gdpr)
    ? text(gdpr.shortName) ?? text(gdpr.description)
    : undefined;
}

/** "Labour Market Act § 14": the law's name followed by the cited section. */
function nationalLawCitation(legalBasis: Json): string | undefined {
  const parts = [
    codelistName(legalBasis.nationalLaw),
    text(legalBasis.description),
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** Keeps yyyy-mm-dd; drops null ("no end") and anything unreadable. */
function isoDate(value: unknown): string | undefined {
  const match = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : undefined;
}

// A request stores the activity's id in a string column: one line, 255 at most.
const storableId = safeName();

/**
 * Maps one process of a Polly-style register to a processing activity, or
 * returns undefined when it lacks the id or name people need to pick it,
 * or has an id no request could store.
 */
export function toProcessingActivity(
  process: unknown,
  options: ToProcessingActivityOptions,
): ProcessingActivity | undefined {
  if (!isObject(process)) {
    return undefined;
  }
  const id = text(process.id);
  const name = text(process.name);
  if (!id || !name || !storableId.safeParse(id).success) {
    return undefined;
  }

  const purposes = objects(process.purposes);
  const legalBases = objects(process.legalBases);
  // Art. 6(1) gives the lawfulness of the processing; Art. 9(2) lifts the ban
  // on special categories (health data and the like) and comes on top of it.
  const art6 = legalBases.find(lb => gdprCode(lb)?.startsWith('ART61'));
  const art9 = legalBases.find(lb => gdprCode(lb)?.startsWith('ART92'));
  const art9Description = art9
    ? [gdprDescription(art9), nationalLawCitation(art9)]
        .filter(Boolean)
        .join(' – ') || undefined
    : undefined;

  const number = text(process.number);
  const firstPurposeCode = text(purposes[0]?.code);

  return {
    registerId: options.registerId,
    id,
    number: number ? `B${number.replace(/^B/i, '')}` : '',
    name,
    description: text(process.description),
    purposes: purposes
      .map(purpose => text(purpose.shortName) ?? text(purpose.code))
      .filter((purpose): purpose is string => Boolean(purpose)),
    art6Basis: art6 && gdprCode(art6),
    art6Description: art6 && gdprDescription(art6),
    nationalLaw: art6 && nationalLawCitation(art6),
    art9Basis: art9 && gdprCode(art9),
    art9Description,
    status: text(process.status) ?? 'UNKNOWN',
    validFrom: isoDate(process.start),
    validTo: isoDate(process.end),
    // The register's UI shows a process under one of its purposes.
    link: firstPurposeCode
      ? `${options.uiUrl}/process/purpose/${encodeURIComponent(
          firstPurposeCode,
        )}/${encodeURIComponent(id)}`
      : undefined,
  };
}
