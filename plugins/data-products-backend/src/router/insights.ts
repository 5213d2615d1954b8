import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reportReadPermission } from '@datamesh-governance/plugin-data-products-common';
import type { Response } from 'express';
import { decodeCursor } from '../database/cursor';
import { refFromInput } from '../service/DataProductCatalog';
import { reportCsvHeader, reportCsvLine } from '../report/reportCsv';
import { RouterContext, userOf } from './context';
import {
  metricsQuerySchema,
  reportMoment,
  reportQuerySchema,
} from './insightsQuery';
import { parse } from './parse';
import { ApiRouter } from './types';

/** Rows per query while the CSV streams out. */
const CSV_PAGE = 500;

/** GET /metrics, GET /reports/personal-data-access */
export function insightsRoutes(router: ApiRouter, ctx: RouterContext) {
  router.get('/metrics', async (req, res) => {
    const { credentials } = await userOf(ctx, req);
    const query = parse(metricsQuerySchema, req.query, 'query', 'query');
    const ref = (field: 'entityRef' | 'owner' | 'domain', kind: string) => {
      const value = query[field];
      return value === undefined ? undefined : refFromInput(field, value, kind);
    };
    const { scope, ownerOf } = await ctx.insights.products.resolve(
      {
        entityRef: ref('entityRef', 'dataproduct'),
        owner: ref('owner', 'group'),
        domain: ref('domain', 'domain'),
        classification: query.classification,
      },
      query.groupBy === 'owner',
      credentials,
    );
    res.json(
      await ctx.insights.metrics.metrics({
        from: new Date(query.from),
        to: new Date(query.to),
        groupBy: query.groupBy,
        scope,
        ownerOf,
      }),
    );
  });

  router.get('/reports/personal-data-access', async (req, res) => {
    const { credentials } = await userOf(ctx, req);
    const [decision] = await ctx.permissions.authorize(
      [{ permission: reportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only privacy officers may read who has access to personal data',
      );
    }
    const query = parse(reportQuerySchema, req.query, 'query', 'query');
    const at = reportMoment(query.at, new Date());
    const cursor = decodeCursor(query.cursor);
    // Who read the register of access, and as of when: an audit of its own.
    const event = await ctx.auditor.createEvent({
      eventId: 'personal-data-access-report',
      severityLevel: 'medium',
      request: req,
      meta: { at: at.toISOString(), format: query.format },
    });
    try {
      if (query.format === 'csv') {
        await writeCsv(ctx, res as Response, at);
      } else {
        const page = await ctx.insights.report.page({
          at,
          limit: query.limit,
          cursor,
        });
        // Per activity over every active grant: once, with the first page.
        const activities = cursor
          ? []
          : await ctx.insights.report.activities(at);
        res.json({ at: at.toISOString(), ...page, activities });
      }
      await event.success();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}

/** Every row, a page of queries at a time, as the download arrives. */
async function writeCsv(ctx: RouterContext, res: Response, at: Date) {
  const day = at.toISOString().slice(0, 10);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="personal-data-access-${day}.csv"`,
  );
  res.write(reportCsvHeader());
  let cursor;
  do {
    const page = await ctx.insights.report.page({
      at,
      limit: CSV_PAGE,
      cursor,
    });
    for (const row of page.items) res.write(reportCsvLine(row));
    cursor = page.nextCursor ? decodeCursor(page.nextCursor) : undefined;
  } while (cursor);
  res.end();
}
