import { Knex } from 'knex';

/**
 * Which requests the Insights count: those for these data products, and
 * where `outputPorts` is given only for those ports (a classification is a
 * port's). The catalog says which products a filter means.
 */
export type MetricsScope = {
  products: Array<{ entityRef: string; outputPorts?: string[] }>;
};

/** A where clause on the requests (`r`) for the scope; none without one. */
export function scopeWhere(scope?: MetricsScope) {
  return (q: Knex.QueryBuilder) => {
    if (!scope) return;
    if (scope.products.length === 0) {
      q.whereRaw('1 = 0');
      return;
    }
    const whole = scope.products
      .filter(p => !p.outputPorts)
      .map(p => p.entityRef);
    const partial = scope.products.filter(p => p.outputPorts);
    q.where(any => {
      if (whole.length > 0) any.orWhereIn('r.entity_ref', whole);
      for (const product of partial) {
        any.orWhere(ports =>
          ports
            .where('r.entity_ref', product.entityRef)
            .whereIn('r.output_port', product.outputPorts!),
        );
      }
    });
  };
}

/** The UTC months (`YYYY-MM`) that [from, to) touches, in order. */
export function monthsOf(from: Date, to: Date): string[] {
  const months: string[] = [];
  const last = new Date(to.getTime() - 1);
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  while (
    year < last.getUTCFullYear() ||
    (year === last.getUTCFullYear() && month <= last.getUTCMonth())
  ) {
    months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

/** The start (epoch ms) of the UTC month `offset` months after `from`'s. */
export function monthStart(from: Date, offset: number): number {
  return Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + offset, 1);
}
