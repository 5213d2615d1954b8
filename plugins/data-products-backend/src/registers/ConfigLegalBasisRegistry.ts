import { Config } from '@backstage/config';
import { LegalBasisRegistry } from '@datamesh-governance/plugin-data-products-node';
import {
  processingActivitySchema,
  type ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { readFile } from 'fs/promises';
import { resolve as resolvePath } from 'path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

// A register names its activities itself, so configured ones carry no registerId.
const activitySchema = processingActivitySchema.omit({ registerId: true });

const fileSchema = z.object({ activities: z.array(activitySchema) });

/**
 * The built-in register: processing activities listed in config
 * (`dataProducts.legalBasis.activities`) or in a YAML file
 * (`dataProducts.legalBasis.file`, `activities:` at the top).
 */
export class ConfigLegalBasisRegistry implements LegalBasisRegistry {
  readonly id: string;

  static async fromConfig(config: Config): Promise<ConfigLegalBasisRegistry> {
    const section = config.getOptionalConfig('dataProducts.legalBasis');
    const id = section?.getOptionalString('registerId') ?? 'local';
    const file = section?.getOptionalString('file');
    let raw: unknown;
    let source: string;
    if (file) {
      source = resolvePath(file);
      raw = parseYaml(await readFile(source, 'utf8'));
    } else {
      source = 'dataProducts.legalBasis.activities';
      raw = { activities: section?.getOptional('activities') ?? [] };
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(
        `Invalid register of processing activities in ${source}: ${z.prettifyError(
          parsed.error,
        )}`,
      );
    }
    return new ConfigLegalBasisRegistry(id, parsed.data.activities);
  }

  private readonly activities: ProcessingActivity[];

  constructor(
    id: string,
    activities: Omit<ProcessingActivity, 'registerId'>[],
  ) {
    this.id = id;
    this.activities = activities.map(a => ({ ...a, registerId: id }));
  }

  async search(query: string): Promise<ProcessingActivity[]> {
    const words = query.trim().toLocaleLowerCase('en-US');
    if (!words) return [];
    const number = words.replace(/^b/, '');
    return this.activities.filter(
      a =>
        a.number
          .toLocaleLowerCase('en-US')
          .replace(/^b/, '')
          .startsWith(number) ||
        [a.name, a.description ?? '', ...a.purposes].some(text =>
          text.toLocaleLowerCase('en-US').includes(words),
        ),
    );
  }

  async get(activityId: string): Promise<ProcessingActivity | undefined> {
    return this.activities.find(a => a.id === activityId);
  }
}
