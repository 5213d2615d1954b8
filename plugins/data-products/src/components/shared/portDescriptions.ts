import {
  holdsPersonalData,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import { humanDuration } from './dates';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Direct identifiers, special categories (Art. 9)" or "None". */
export function describePersonalData(port: OutputPort): string {
  const flags = [
    port.personalData?.directIdentifiers && 'direct identifiers',
    port.personalData?.specialCategories && 'special categories (Art. 9)',
  ].filter(Boolean) as string[];
  if (flags.length > 0) {
    return capitalise(flags.join(', '));
  }
  return holdsPersonalData(port) ? 'Yes' : 'None';
}

/** "Freshness 1 d, availability 99.5 %" or "None declared". */
export function describeSla(port: OutputPort): string {
  if (!port.sla?.length) {
    return 'None declared';
  }
  return capitalise(
    port.sla
      .map(l => `${l.property} ${l.value}${l.unit ? ` ${l.unit}` : ''}`)
      .join(', '),
  );
}

/** "Owner approval, up to 90 days" or "Automatic". */
export function describeAccess(port: OutputPort): string {
  const mode =
    port.access?.approval === 'auto' ? 'Automatic' : 'Owner approval';
  return port.access?.maxDuration
    ? `${mode}, up to ${humanDuration(port.access.maxDuration)}`
    : mode;
}
